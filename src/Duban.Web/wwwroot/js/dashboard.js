// Draws the 总览's bar chart from the JSON the page embeds; the table beside it shows the same figures without script.
(function () {
    var data = document.getElementById('dashboard-lagging-data');
    var target = document.getElementById('dashboard-lagging-chart');
    if (!data || !target || typeof echarts === 'undefined') return;
    var rows = JSON.parse(data.textContent);
    // The 其他 bucket (every organisation beyond the worst fifteen) is drawn paler: it is a sum, not one organisation.
    var bar = function (value, other, pale) { return other ? { value: value, itemStyle: { color: pale } } : value; };
    if (rows.length === 0) return;
    target.classList.add('dashboard-chart');
    var chart = echarts.init(target);
    chart.setOption({
        tooltip: { trigger: 'axis' },
        legend: { data: ['逾期任务', '缺报'] },
        grid: { left: 8, right: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: rows.map(function (r) { return r.name; }) },
        series: [
            { name: '逾期任务', type: 'bar', stack: 'lag', data: rows.map(function (r) { return bar(r.overdue, r.other, '#e9a3aa'); }), itemStyle: { color: '#dc3545' } },
            { name: '缺报', type: 'bar', stack: 'lag', data: rows.map(function (r) { return bar(r.missingReports, r.other, '#fcc89b'); }), itemStyle: { color: '#fd7e14' } }
        ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
})();
