# national.profile — the national 12-table layout of 部门预算公开 (tables 1–10,
# 5-1/5-2, and the goal forms 11/12), amounts in 万元.
#
# FORMAT (one directive per line; '#' starts a comment; blank lines ignored)
#
#   profile NAME            the profile's name (--profile NAME)
#   unit 万元|元             default unit of every table (a 单位：… line wins)
#   section W|W|…           a section part 3 (情况说明) must have, in the order
#                           it comes: the words of its heading without the
#                           numbering ("一、"), and their alternatives.  A
#                           heading names the section when, folded and without
#                           its numbering, it equals or ends with W (the
#                           longest W wins).  Profile-wide, wherever it stands;
#                           DOC.required reports a missing one.
#   table ID                starts a table: "1" … "10", "5-1", "11", "12"; the
#                           directives below apply to it until the next `table`
#     title T|T|…           how the document titles it.  A line names the table
#                           when, folded (full-width → half-width, blanks
#                           removed) and without its numbering ("一、", "（一）",
#                           "- ", "表5-1", "5-1"), it equals or ends with T.
#                           The longest matching T wins; tables sharing a T
#                           (5-1, 5-2) are told apart by `header`, by "表ID",
#                           or by a more specific title nearby.
#     header L|L|…          header labels that pick this table among those that
#                           share a title (5-1: 科目编码, 5-2: 单位编码)
#     required yes|no       whether a disclosure must contain it
#     unit 万元|元           this table's default unit
#     shape grid|twosided|forms
#                           grid: header rows, then rows of code, name, amounts;
#                           twosided: income and expenditure side by side
#                           (tables 1, 4); forms: only located here (tables 11,
#                           12 are read by the forms reader)
#     codes none|function|econ|unit|project
#                           what the rows' codes are: function 201/20103/2010301,
#                           econ 301/30101, unit 014 (department, a GROUP) and
#                           014001, project: units, categories (22, 31) and
#                           project codes
#     col KEY S|S|…         a column: canonical KEY (docs/tableset.md) and the
#                           header labels that mean it.  A label is the path of
#                           header cells over the column, parent first (a
#                           parent spans the empty cells to its right):
#                           "基本支出/人员经费".  S = "A/B" matches a column
#                           whose lowest label is B and which has A above it;
#                           S = "B" matches any column whose lowest label is B.
#                           Pseudo keys: @code (code column; several @code
#                           columns are joined, for codes written "201 06 01"
#                           in three columns), @name, @extra (table 10's
#                           项目单位); twosided: @in.name, @in.KEY, @out.name,
#                           @out.KEY.  The `col` lines, in order, are also the
#                           physical column order used when a header cannot be
#                           mapped but has exactly that many columns; the
#                           table's `cols` are the non-@ keys in this order.
#     row KEY S|S|…         twosided tables: a fixed row (in.* on the income
#                           side, out.* on the expenditure side) and its names
#                           without numbering.  S = "BLOCK/NAME" matches NAME
#                           under the block row BLOCK ("二、上年结转" then
#                           "（一）一般公共预算拨款").  The first matching row
#                           in profile order wins.  Expenditure rows that match
#                           no `row` are looked up among the function 类 names
#                           and become `out.class` with that code.
#     sum KEY K+K+…         a one-row table (codes none): column KEY is the
#                           sum of columns K (all declared by `col` above).
#                           Only read when the readers ran the labels of
#                           columns without figures into their neighbours
#                           and a figure's column is in doubt: the one
#                           reading under the labels that keeps every sum
#                           is taken (none or several: the table is left
#                           out).  The rules check the sums, not this.
#
# Keys ending in "_total", and rows named 合计/总计, are TOTAL rows.

profile national
unit 万元

section 收支预算总体安排情况
section 收入预算安排情况
section 支出预算安排情况
section 财政拨款收支预算总体情况
section 一般公共预算支出安排情况
section 一般公共预算基本支出安排情况
section 一般公共预算“三公”经费支出安排情况|一般公共预算"三公"经费支出安排情况
section 政府性基金预算支出安排情况
section 国有资本经营预算支出安排情况
section 项目支出安排情况
section 其他重要事项的情况说明

table 1
title 部门收支总表|部门收支预算总表|部门财务收支总表
required yes
shape twosided
col @in.name 收入/项目|收入/项目名称|收入
col @in.amount 收入/预算数|收入/金额|收入/本年预算数
col @out.name 支出/项目|支出/项目名称|支出
col @out.amount 支出/预算数|支出/金额|支出/本年预算数
row in.gpb 一般公共预算拨款收入|一般公共预算拨款|一般公共预算财政拨款收入|一般公共预算财政拨款
row in.gov_fund 政府性基金预算拨款收入|政府性基金预算拨款|政府性基金预算财政拨款收入|政府性基金预算财政拨款
row in.soe 国有资本经营预算拨款收入|国有资本经营预算拨款|国有资本经营预算财政拨款收入|国有资本经营预算财政拨款
row in.special_acct 财政专户管理资金收入|财政专户管理资金
row in.business 事业收入
row in.operating 事业单位经营收入
row in.upper 上级补助收入
row in.affiliated 附属单位上缴收入
row in.other 其他收入
row in.year_total 本年收入合计|本年收入
row in.carry_total 上年结转结余|上年结转|上年结转结余收入
row in.grand_total 收入总计|收入合计
row out.year_total 本年支出合计|本年支出
row out.carry_forward 年终结转结余|年终结转
row out.grand_total 支出总计|支出合计

table 2
title 部门收入总表|部门收入预算总表
required yes
codes unit
col @code 部门(单位)代码|部门(单位)编码|单位代码|单位编码|代码|编码
col @name 部门(单位)名称|单位名称|名称
col total 合计|总计
col year.subtotal 本年收入/小计|本年收入/合计
col year.gpb 本年收入/一般公共预算|本年收入/一般公共预算拨款
col year.gov_fund 本年收入/政府性基金预算|本年收入/政府性基金预算拨款
col year.soe 本年收入/国有资本经营预算|本年收入/国有资本经营预算拨款
col year.special_acct 本年收入/财政专户管理资金
col year.business 本年收入/事业收入
col year.operating 本年收入/事业单位经营收入
col year.upper 本年收入/上级补助收入
col year.affiliated 本年收入/附属单位上缴收入
col year.other 本年收入/其他收入
col carry.subtotal 上年结转结余/小计|上年结转/小计|上年结转结余/合计
col carry.gpb 上年结转结余/一般公共预算|上年结转/一般公共预算
col carry.gov_fund 上年结转结余/政府性基金预算|上年结转/政府性基金预算
col carry.soe 上年结转结余/国有资本经营预算|上年结转/国有资本经营预算
col carry.special_acct 上年结转结余/财政专户管理资金|上年结转/财政专户管理资金
col carry.unit_funds 上年结转结余/单位资金|上年结转/单位资金

table 3
title 部门支出总表|部门支出预算总表
required yes
codes function
col @code 科目编码|功能分类科目编码|科目代码|编码
col @name 科目名称|功能分类科目名称|名称
col total 合计|总计
col basic 基本支出
col project 项目支出
col operating 事业单位经营支出
col upper 上缴上级支出
col subsidy 对附属单位补助支出

table 4
title 财政拨款收支总表|财政拨款收支预算总表
required yes
shape twosided
col @in.name 收入/项目|收入/项目名称|收入
col @in.amount 收入/预算数|收入/金额|收入/本年预算数
col @out.name 支出/项目|支出/项目名称|支出
col @out.amount 支出/预算数|支出/金额|支出/本年预算数
row in.carry.gpb 上年结转/一般公共预算拨款|上年结转结余/一般公共预算拨款|上年结转/一般公共预算
row in.carry.gov_fund 上年结转/政府性基金预算拨款|上年结转结余/政府性基金预算拨款|上年结转/政府性基金预算
row in.carry.soe 上年结转/国有资本经营预算拨款|上年结转结余/国有资本经营预算拨款|上年结转/国有资本经营预算
row in.gpb 一般公共预算拨款|一般公共预算拨款收入|一般公共预算|一般公共预算财政拨款
row in.gov_fund 政府性基金预算拨款|政府性基金预算拨款收入|政府性基金预算
row in.soe 国有资本经营预算拨款|国有资本经营预算拨款收入|国有资本经营预算
row in.year_total 本年收入|本年收入合计
row in.carry_total 上年结转|上年结转结余
row in.grand_total 收入总计|收入合计
row out.year_total 本年支出|本年支出合计
row out.carry_forward 年终结转结余|年终结转
row out.grand_total 支出总计|支出合计

table 5-1
title 一般公共预算支出表(分功能科目)|一般公共预算支出表(按功能科目)|一般公共预算支出表
header 科目编码|功能分类科目编码|科目代码
required yes
codes function
col @code 科目编码|功能分类科目编码|科目代码|编码
col @name 科目名称|功能分类科目名称|名称
col total 合计|总计
col basic 基本支出/小计|基本支出/合计
col personnel 基本支出/人员经费|人员经费
col public 基本支出/公用经费|公用经费
col project 项目支出

table 5-2
title 一般公共预算支出表(分单位)|一般公共预算支出表(按单位)|一般公共预算支出表
header 单位编码|单位代码|部门(单位)代码|部门(单位)编码
required yes
codes unit
col @code 单位编码|单位代码|部门(单位)代码|部门(单位)编码|编码
col @name 单位名称|部门(单位)名称|名称
col total 合计|总计
col basic 基本支出/小计|基本支出/合计
col personnel 基本支出/人员经费|人员经费
col public 基本支出/公用经费|公用经费
col project 项目支出

table 6
title 一般公共预算基本支出表
required yes
codes econ
col @code 科目编码|经济分类科目编码|科目代码|编码
col @name 科目名称|经济分类科目名称|名称
col total 合计|总计
col personnel 人员经费
col public 公用经费

table 7
title 一般公共预算“三公”经费支出表|“三公”经费支出表|一般公共预算"三公"经费支出表|"三公"经费支出表
required yes
codes none
col total “三公”经费合计|"三公"经费合计|合计
col abroad 因公出国(境)费|因公出国(境)费用|因公出国(境)
col car.subtotal 公务用车购置及运行费/小计|公务用车购置及运行维护费/小计
col car.purchase 公务用车购置费|公务用车购置及运行费/购置费|公务用车购置
col car.operation 公务用车运行费|公务用车运行维护费|公务用车购置及运行费/运行费|公务用车运行
col reception 公务接待费|公务接待

table 8
title 政府性基金预算支出表
required yes
codes function
col @code 科目编码|功能分类科目编码|编码
col @name 科目名称|名称
col total 合计|总计
col basic 基本支出
col project 项目支出

table 9
title 国有资本经营预算支出表
required yes
codes function
col @code 科目编码|功能分类科目编码|编码
col @name 科目名称|名称
col total 合计|总计
col basic 基本支出
col project 项目支出

table 10
title 项目支出表|项目支出预算表
required yes
codes project
col @code 项目编码|项目代码|编码
col @name 项目名称|名称
col @extra 项目单位|单位名称|项目单位名称
col total 合计|总计
col year.gpb 本年拨款/一般公共预算|本年财政拨款/一般公共预算
col year.gov_fund 本年拨款/政府性基金预算|本年财政拨款/政府性基金预算
col year.soe 本年拨款/国有资本经营预算|本年财政拨款/国有资本经营预算
col carry.gpb 财政拨款结转结余/一般公共预算|上年结转/一般公共预算
col carry.gov_fund 财政拨款结转结余/政府性基金预算|上年结转/政府性基金预算
col carry.soe 财政拨款结转结余/国有资本经营预算|上年结转/国有资本经营预算
col special_acct 财政专户管理资金
col unit_funds 单位资金

table 11
title 整体支出绩效目标表|部门整体支出绩效目标表|部门整体支出绩效目标申报表|部门整体支出绩效目标
required yes
shape forms

table 12
title 项目支出绩效目标表|项目资金绩效目标申报表|项目支出绩效目标申报表
required yes
shape forms
