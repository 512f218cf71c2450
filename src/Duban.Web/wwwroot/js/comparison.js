// Draws the 地区对比 grid as a heatmap (one square per cell, coloured by its attainment band) from the JSON the page
// embeds; the table below shows the same cells, coloured the same way, without script.
(function () {
    var data = document.getElementById('comparison-data');
    var target = document.getElementById('comparison-chart');
    if (!data || !target || typeof echarts === 'undefined') return;
    var grid = JSON.parse(data.textContent);
    if (grid.cells.length === 0) return;
    // The band colours of app.css (.band-*), a shade stronger so that the squares read on white.
    var colours = { lagging: '#f1aeb5', onTrack: '#ffe69c', achieved: '#a3cfbb', noData: '#dee2e6' };
    var order = grid.bands.map(function (b) { return b.band; });
    target.classList.add('comparison-chart');
    var chart = echarts.init(target);
    var short = function (text) { return text.length > 12 ? text.slice(0, 12) + '…' : text; };
    chart.setOption({
        tooltip: {
            formatter: function (p) {
                var c = grid.cells[p.dataIndex];
                return grid.rows[c.row] + '<br/>' + grid.columns[c.column] + '：' + (c.value || '无数据') + '（' + c.label + '）';
            }
        },
        grid: { left: 8, right: 16, top: 8, bottom: 48, containLabel: true },
        xAxis: { type: 'category', data: grid.columns, position: 'top', axisLabel: { interval: 0, formatter: short } },
        yAxis: { type: 'category', data: grid.rows, inverse: true, axisLabel: { formatter: short } },
        visualMap: {
            type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0, dimension: 2,
            pieces: grid.bands.map(function (b, i) { return { value: i, label: b.label, color: colours[b.band] }; })
        },
        series: [{
            type: 'heatmap',
            data: grid.cells.map(function (c) { return [c.column, c.row, order.indexOf(c.band), c.value]; }),
            label: { show: true, formatter: function (p) { return p.data[3] || '—'; } },
            itemStyle: { borderColor: '#fff', borderWidth: 2 }
        }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
})();
