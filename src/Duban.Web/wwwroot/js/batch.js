// Batch forms (审核, 督办单): with script, a 全选本页 button ticks or clears every box of the page that belongs to the form.
// Without script the boxes are ticked one by one; the form works the same.
(function () {
    document.querySelectorAll('form.batch-bar[id]').forEach(function (form) {
        var boxes = function () { return document.querySelectorAll('input[type=checkbox][name=ids][form="' + form.id + '"]'); };
        var row = form.querySelector('.batch-buttons');
        // Run again after each enhanced page load (data-page-script): a form that has its button keeps the one it has.
        if (!row || boxes().length < 2 || row.querySelector('.batch-select-all')) return;
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'btn btn-outline-secondary batch-select-all';
        button.textContent = '全选本页';
        button.addEventListener('click', function () {
            var all = boxes();
            var tick = Array.prototype.some.call(all, function (b) { return !b.checked; });
            all.forEach(function (b) { b.checked = tick; });
            button.textContent = tick ? '取消全选' : '全选本页';
        });
        row.insertBefore(button, row.firstChild);
    });
})();
