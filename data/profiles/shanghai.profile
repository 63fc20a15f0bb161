# shanghai.profile — the Shanghai 9-table layout of 部门（单位）预算公开
# (上海市 and its districts): tables titled "2025年部门财务收支预算总表" …
# "2025年部门“三公”经费和机关运行经费预算表" (预算单位/单位 in a unit's
# disclosure), amounts in 元 except the 三公 table (万元) — each table's
# 单位 caption wins.  Function codes are written 类/款/项 in three columns
# ("201  06  01"), economic codes 类/款 in two; several @code columns are
# joined.  The format is documented at the top of national.profile.
#
# Table ids are those of docs/tableset.md: 财务收支 → 1, 收入 → 2 (by
# function code here), 支出 → 3, 财政拨款收支 → 4, 一般公共预算功能分类 → 5-1,
# 政府性基金 → 8, 国有资本经营 → 9, 基本支出经济分类 → 6, 三公 → 7.
# There is no table 5-2, 10, 11 or 12: the project forms (财政项目支出绩效
# 目标填报表) are read by the forms reader.

profile shanghai
unit 元

# Sections the text must have, as the four Shanghai disclosures of the
# reference (three 部门, one 单位) all carry them: the 编制说明 (a heading
# of its own, "2025年部门预算编制说明" or "单位预算编制说明"), then under
# 其他相关情况说明 five numbered ones ("一、2025年“三公”经费预算情况说明"; the
# year before a heading is matched by its end).  2023's wording differs in
# two: 政府采购情况, 国有资产占有情况.  The 项目经费情况说明 (项目概述 …) is
# in the 部门 disclosures only, one per project: not required.
section 部门预算编制说明|单位预算编制说明
section “三公”经费预算情况说明|"三公"经费预算情况说明
section 机关运行经费预算
section 政府采购预算情况|政府采购情况
section 绩效目标设置情况
section 国有资产占有使用情况|国有资产占有情况

table 1
title 部门财务收支预算总表|预算单位财务收支预算总表|单位财务收支预算总表
required yes
shape twosided
col @in.name 本年收入/项目|收入/项目|项目
col @in.amount 本年收入/预算数|收入/预算数|预算数
# a unit's table (预算单位) splits the expenditure 预算数 into 合计,
# 基本支出 (人员经费, 公用经费) and 项目支出
col @out.name 本年支出/项目|支出/项目|项目
col @out.amount 本年支出/预算数|支出/预算数|合计
col @out.personnel 人员经费
col @out.public 公用经费
col @out.project 项目支出
row in.fiscal 财政拨款收入|财政拨款
row in.gpb 一般公共预算资金|一般公共预算
row in.gov_fund 政府性基金|政府性基金预算
row in.soe 国有资本经营预算|国有资本经营预算资金
row in.business 事业收入
row in.operating 事业单位经营收入
row in.other 其他收入
# No 上年结转 block: 收入总计/支出总计 total the 本年收入/本年支出 columns
row in.year_total 收入总计|收入合计
row out.year_total 支出总计|支出合计

table 2
title 部门收入预算总表|预算单位收入预算总表|单位收入预算总表
required yes
codes function
col @code 类|款|项|功能分类科目编码
col @name 功能分类科目名称|科目名称
col total 合计
# the readers give one cell "财政拨款收入事业收入其他收入" when only its first
# column has figures; that column (under which 经营收入 of 事业单位经营收入
# wraps) is 财政拨款收入
col year.fiscal 财政拨款收入|财政拨款收入事业收入其他收入/经营收入|财政拨款收入事业收入其他收入
col year.business 事业收入
col year.operating 事业单位/经营收入|事业单位经营收入
col year.other 其他收入

table 3
title 部门支出预算总表|预算单位支出预算总表|单位支出预算总表
required yes
codes function
col @code 类|款|项|功能分类科目编码
col @name 功能分类科目名称|科目名称
col total 合计
col basic 基本支出
col project 项目支出

table 4
title 部门财政拨款收支预算总表|预算单位财政拨款收支预算总表|单位财政拨款收支预算总表
required yes
shape twosided
# the expenditure side has 合计 and its three parts; a column's side is
# told by where it stands (after the second 项目 it is expenditure)
col @in.name 财政拨款收入/项目|项目
col @in.amount 财政拨款收入/预算数|预算数
col @out.name 财政拨款支出/项目|项目
col @out.amount 财政拨款支出/合计|合计
col @out.gpb 一般公共预算
col @out.gov_fund 政府性基金预算
col @out.soe 国有资本经营预算
row in.gpb 一般公共预算资金|一般公共预算
row in.gov_fund 政府性基金|政府性基金预算
row in.soe 国有资本经营预算
row in.grand_total 收入总计|收入合计
row out.grand_total 支出总计|支出合计

table 5-1
title 部门一般公共预算支出功能分类预算表|预算单位一般公共预算支出功能分类预算表|单位一般公共预算支出功能分类预算表
required yes
codes function
col @code 类|款|项|功能分类科目编码
col @name 功能分类科目名称|科目名称
col total 合计
col basic 基本支出
col project 项目支出

table 8
title 部门政府性基金预算支出功能分类预算表|预算单位政府性基金预算支出功能分类预算表|单位政府性基金预算支出功能分类预算表
required yes
codes function
col @code 类|款|项|功能分类科目编码
col @name 功能分类科目名称|科目名称
col total 合计
col basic 基本支出
col project 项目支出

table 9
title 部门国有资本经营预算支出功能分类预算表|预算单位国有资本经营预算支出功能分类预算表|单位国有资本经营预算支出功能分类预算表
required yes
codes function
col @code 类|款|项|功能分类科目编码
col @name 功能分类科目名称|科目名称
col total 合计
col basic 基本支出
col project 项目支出

table 6
title 部门一般公共预算基本支出部门预算经济分类预算表|预算单位一般公共预算基本支出部门预算经济分类预算表|单位一般公共预算基本支出部门预算经济分类预算表
required yes
codes econ
col @code 类|款|编码|部门预算经济分类科目|经济分类科目编码
col @name 经济分类科目名称|部门经济分类科目名称|科目名称
col total 合计
col personnel 人员经费
col public 公用经费

table 7
title 部门“三公”经费和机关运行经费预算表|单位“三公”经费和机关运行经费预算表|预算单位“三公”经费和机关运行经费预算表|部门"三公"经费和机关运行经费预算表|单位"三公"经费和机关运行经费预算表
required yes
unit 万元
codes none
# in the order of the printed columns: when the readers' header cells do not
# line up with the figures, the seven figures are read in this order
col total 合计
col abroad 因公出国(境)费
col reception 公务接待费
col car.subtotal 公务用车购置及运行费/小计|小计
col car.purchase 购置费
col car.operation 运行费
# "机关运行经费预算数" wraps: "…预算" / "数", "…运行经" / "费预算数"
col admin_running 机关运行经费预算数|机关运行经费预算/数|机关运行经费预算|数|费预算数
# which figure stands under which label when the readers ran labels of
# empty columns together ("合计因公出国(境)费 | 公务接待费 / 小计购置费")
sum total abroad+reception+car.subtotal
sum car.subtotal car.purchase+car.operation

# 财政项目支出绩效目标填报表: one per project, read by the forms reader
table 12
title 财政项目支出绩效目标填报表|项目支出绩效目标填报表
required no
shape forms
