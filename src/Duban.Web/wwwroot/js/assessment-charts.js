// The assessment page's charts, from the JSON the page embeds (the ranking table shows the same figures without script):
// the totals as ranked bars coloured by grade, and each organisation's total stacked by indicator.
(function () {
    var data = document.getElementById('assessment-chart-data');
    var rankingTarget = document.getElementById('assessment-ranking-chart');
    var compositionTarget = document.getElementById('assessment-composition-chart');
    if (!data || !rankingTarget || !compositionTarget || typeof echarts === 'undefined') return;
    var result = JSON.parse(data.textContent);
    if (result.rows.length === 0) return;
    // The badges' colours on the page (优秀 success, 良好 info, 合格 secondary, 不合格 danger).
    var colours = { excellent: '#198754', good: '#0dcaf0', pass: '#6c757d', fail: '#dc3545' };
    var names = result.rows.map(function (r) { return r.name; });
    var labels = {};
    result.grades.forEach(function (g) { labels[g.grade] = g.label; });

    rankingTarget.classList.add('assessment-chart');
    var ranking = echarts.init(rankingTarget);
    ranking.setOption({
        title: { text: '总分排名', left: 'center', textStyle: { fontSize: 14 } },
        tooltip: {
            trigger: 'axis',
            formatter: function (p) { var r = result.rows[p[0].dataIndex]; return r.name + '<br/>总分 ' + r.total + '（' + r.gradeLabel + '）'; }
        },
        legend: {
            bottom: 0,
            data: result.grades.map(function (g) { return { name: g.label, itemStyle: { color: colours[g.grade] } }; }),
            selectedMode: false
        },
        grid: { left: 8, right: 32, top: 32, bottom: 32, containLabel: true },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', inverse: true, data: names },
        series: [{
            type: 'bar',
            data: result.rows.map(function (r) { return { value: r.total, itemStyle: { color: colours[r.grade] } }; }),
            label: { show: true, position: 'right' },
            barGap: '-100%'
        // One empty series per grade, drawn on top of the real bars (barGap), only so that the legend names the colours.
        }].concat(result.grades.map(function (g) { return { name: g.label, type: 'bar', data: [], barGap: '-100%', itemStyle: { color: colours[g.grade] } }; }))
    });

    compositionTarget.classList.add('assessment-chart');
    var composition = echarts.init(compositionTarget);
    composition.setOption({
        title: { text: '得分构成', left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0, type: 'scroll' },
        grid: { left: 8, right: 16, top: 32, bottom: 40, containLabel: true },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', inverse: true, data: names },
        series: result.indicators.map(function (indicator, i) {
            return {
                name: indicator.name, type: 'bar', stack: 'points',
                data: result.rows.map(function (r) { return r.points[i]; })
            };
        })
    });

    window.addEventListener('resize', function () { ranking.resize(); composition.resize(); });
})();
