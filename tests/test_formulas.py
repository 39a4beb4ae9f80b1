"""Every formula builder, against the exact text it must produce."""

from datetime import date

import pytest

from budgetbook.model import CarryOver
from budgetbook.write import formulas as f


@pytest.mark.parametrize(
    ("built", "expected"),
    [
        (f.cell(0, 0), "A1"),
        (f.cell(3, 4, row_abs=True), "E$4"),
        (f.cell(4, 1, row_abs=True, col_abs=True), "$B$5"),
        (f.on_sheet("Budget", "E5"), "Budget!E5"),
        (f.on_sheet("Not counted", "A1"), "'Not counted'!A1"),
        (f.on_sheet("Dépenses", "A1"), "'Dépenses'!A1"),
        (f.absolute_span(4, 1, 4, 15), "$B$5:$P$5"),
        (f.absolute_span(1, 0, 1, 0), "$A$2:$A$2"),
        (f.absolute_column_span("Lines", 0, 1, 18), "=Lines!$A$2:$A$19"),
        (f.absolute_column_span("Budget lines", 1, 1, 1), "='Budget lines'!$B$2:$B$2"),
        (f.row_span(4, 4, 15), "E5:P5"),
        (f.col_span(4, 4, 35), "E$5:E$36"),
        (f.col_span(3, 4, 35, col_abs=True), "$D$5:$D$36"),
        (f.available("E5", None, CarryOver.FULL), "=E5"),
        (f.available("F5", "E8", CarryOver.NONE), "=F5"),
        (f.available("F5", "E8", CarryOver.SURPLUS), "=F5+MAX(0,E8)"),
        (f.available("F5", "E8", CarryOver.FULL), "=F5+E8"),
        (f.difference("E6", "E7"), "=E6-E7"),
        (f.total("E5:P5"), "=SUM(E5:P5)"),
        (f.plus(["E41", "E80"]), "=E41+E80"),
        (f.plus([]), "=0"),
        (f.refer("Budget!Q5"), "=Budget!Q5"),
        (f.share("C9", "B9"), '=IFERROR(C9/B9,"")'),
        (
            f.sum_by_label("E$5:E$36", "$D$5:$D$36", "$D37"),
            "=SUMIFS(E$5:E$36,$D$5:$D$36,$D37)",
        ),
        (
            f.month_actual("Actuals", 4, 3, 0, [(1, 1048575)], "$B$5", "E$4"),
            "=SUMIFS(Actuals!$E$2:$E$1048576,Actuals!$D$2:$D$1048576,$B$5,"
            'Actuals!$A$2:$A$1048576,">="&E$4,Actuals!$A$2:$A$1048576,"<"&EDATE(E$4,1))',
        ),
        (
            f.month_actual("Dépenses", 4, 3, 0, [(9, 20), (40, 1048575)], "$B$5", "E$4"),
            "=SUMIFS('Dépenses'!$E$10:$E$21,'Dépenses'!$D$10:$D$21,$B$5,"
            "'Dépenses'!$A$10:$A$21,\">=\"&E$4,'Dépenses'!$A$10:$A$21,\"<\"&EDATE(E$4,1))"
            "+SUMIFS('Dépenses'!$E$41:$E$1048576,'Dépenses'!$D$41:$D$1048576,$B$5,"
            "'Dépenses'!$A$41:$A$1048576,\">=\"&E$4,'Dépenses'!$A$41:$A$1048576,"
            '"<"&EDATE(E$4,1))',
        ),
        (
            f.unaccounted("Actuals!$E$2:$E$1048576", "$Q$80"),
            "=ROUND(SUM(Actuals!$E$2:$E$1048576)-$Q$80,2)",
        ),
        (f.fixed_span("Actuals", 4, 1, 9), "Actuals!$E$2:$E$10"),
        (f.days_between("D5", "E5"), "=E5-D5+1"),
        (f.next_week("I4"), "=I4+7"),
        (f.new_month_label("I4", None), "=I4"),
        (f.new_month_label("J4", "I4"), '=IF(J4>EOMONTH(I4,0),J4,"")'),
        (f.bar_in_week("$D5", "$E5", "I$4"), "=AND($D5<=I$4+6,$E5>=I$4)"),
        (
            f.bar_in_week_with("$D5", "$E5", "I$4", "$G5", 'say "done"'),
            '=AND($D5<=I$4+6,$E5>=I$4,$G5="say ""done""")',
        ),
        (f.today_in_week("I$4"), "=AND(TODAY()>=I$4,TODAY()<I$4+7)"),
        (f.post_key("A7", "$A$5"), '=IF(A7="","",A7&"#"&COUNTIFS($A$5:A7,A7))'),
        (
            f.posts_in_month("$C:$C", "$K5", "$A:$A", "M$4"),
            '=COUNTIFS($C:$C,$K5,$A:$A,">="&M$4,$A:$A,"<="&EOMONTH(M$4,0))',
        ),
        (
            f.day_post("K$20", 2, "$I:$I", "$C:$C", "$E:$E"),
            '=IFERROR(INDEX($C:$C,MATCH(K$20&"#2",$I:$I,0),1)&" · "'
            '&INDEX($E:$E,MATCH(K$20&"#2",$I:$I,0),1),"")',
        ),
        (
            f.more_posts("K$20", "$A:$A", 3, "more"),
            '=IF(COUNTIFS($A:$A,K$20)>3,"+"&(COUNTIFS($A:$A,K$20)-3)&" more","")',
        ),
        (f.whole_column_here(8), "$I:$I"),
        (f.reaches("M5", "$L5"), '=AND($L5<>"",M5>=$L5)'),
        (
            f.short_within_plan("M5", "$L5", "M$4", "$A:$A"),
            '=AND($L5<>"",M5<$L5,COUNTIFS($A:$A,"<="&EOMONTH(M$4,0))>0,'
            'OR(COUNTIFS($A:$A,">="&M$4)>0,M$4<=TODAY()))',
        ),
        (f.sum_to_date("C9:N9", "$C$6:$N$6", "$B$3"), '=SUMIFS(C9:N9,$C$6:$N$6,"<="&$B$3)'),
        (
            f.stock_to_date("B9:N9", "$B$6:$N$6", "$B$3"),
            '=IF(INDEX(B9:N9,1,MATCH($B$3,$B$6:$N$6,0))="","",'
            "INDEX(B9:N9,1,MATCH($B$3,$B$6:$N$6,0)))",
        ),
        (
            f.month_change("B9:N9", "$B$6:$N$6", "$B$3"),
            '=IFERROR(IF(OR(INDEX(B9:N9,1,MATCH($B$3,$B$6:$N$6,0))="",'
            'INDEX(B9:N9,1,MATCH(EDATE($B$3,-1),$B$6:$N$6,0))=""),"",'
            "INDEX(B9:N9,1,MATCH($B$3,$B$6:$N$6,0))"
            '/INDEX(B9:N9,1,MATCH(EDATE($B$3,-1),$B$6:$N$6,0))-1),"")',
        ),
        (
            f.month_point_change("B9:N9", "$B$6:$N$6", "$B$3"),
            '=IFERROR(IF(OR(INDEX(B9:N9,1,MATCH($B$3,$B$6:$N$6,0))="",'
            'INDEX(B9:N9,1,MATCH(EDATE($B$3,-1),$B$6:$N$6,0))=""),"",'
            "(INDEX(B9:N9,1,MATCH($B$3,$B$6:$N$6,0))"
            '-INDEX(B9:N9,1,MATCH(EDATE($B$3,-1),$B$6:$N$6,0)))*100),"")',
        ),
        (f.rises("P9", 3), '=IF(P9="",FALSE,ROUND(P9,3)>0)'),
        (f.falls("P9", 1), '=IF(P9="",FALSE,ROUND(P9,1)<0)'),
        (f.guarded_ratio("C14", "C10"), '=IF(OR(C14="",C10=""),"",IFERROR(C14/C10,""))'),
        (
            f.guarded_ratio("C20", "C11", scale=1000),
            '=IF(OR(C20="",C11=""),"",IFERROR(C20/C11*1000,""))',
        ),
        (f.guarded_return("C19", "C20"), '=IF(OR(C19="",C20=""),"",IFERROR((C19-C20)/C20,""))'),
        (
            f.objective_progress("H5", "D5", "E5"),
            '=IF(H5="","",IFERROR((H5-D5)/(E5-D5),""))',
        ),
        (
            f.expected_share("Performance!$B$3", date(2026, 1, 1), "F5"),
            "=IF(F5<DATE(2026,1,1),1,MIN(1,MAX(0,(EOMONTH(Performance!$B$3,0)+1-DATE(2026,1,1))"
            "/(F5-DATE(2026,1,1)+1))))",
        ),
        (
            f.objective_status("I5", "J5", {"reached": "r", "on track": "o", "at risk": "a"}),
            '=IF(I5="","",IF(I5>=1,"r",IF(I5>=J5,"o","a")))',
        ),
        (
            f.result_by_type("B9", {"acquisition": "J9", "data quality": "I9"}, "H9"),
            '=IF(B9="acquisition",J9,IF(B9="data quality",I9,H9))',
        ),
        (
            f.verdict("L9", "K9", "E9", "D9", {"met": "m", "over budget": "o", "missed": "x"}),
            '=IF(L9>=K9,IF(E9<=D9,"m","o"),"x")',
        ),
        (f.count_matching("$C$9:$C$12", "$A20"), "=COUNTIFS($C$9:$C$12,$A20)"),
    ],
)
def test_formula_text(built, expected):
    assert built == expected
