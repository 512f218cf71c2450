using System.Data.Common;
using System.Text;
using Duban.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Duban.Benchmarks.Core;

/// <summary>
/// For <c>--explain</c>: before each query the task list sends, prints its SQL and the database's plan for it
/// (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL, which runs it once more), so that a slow query can
/// be read rather than guessed at.
/// </summary>
public sealed class QueryPlanPrinter(DatabaseProvider provider, TextWriter output) : DbCommandInterceptor
{
    public DubanDbContext Context(DatabaseOptions database) =>
        new(DubanDatabase.Configure(new DbContextOptionsBuilder<DubanDbContext>(), database).AddInterceptors(this).Options);

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await using var explain = command.Connection!.CreateCommand();
        explain.Transaction = command.Transaction;
        explain.CommandText = (provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + command.CommandText;
        foreach (DbParameter parameter in command.Parameters)
        {
            var copy = explain.CreateParameter();
            copy.ParameterName = parameter.ParameterName;
            copy.Value = parameter.Value;
            copy.DbType = parameter.DbType;
            explain.Parameters.Add(copy);
        }
        var text = new StringBuilder();
        text.AppendLine("```sql").AppendLine(command.CommandText).AppendLine("```");
        foreach (DbParameter parameter in command.Parameters) text.AppendLine($"-- {parameter.ParameterName} = {parameter.Value}");
        text.AppendLine("```");
        await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                text.AppendLine(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        }
        text.AppendLine("```");
        await output.WriteLineAsync(text.ToString());
        return result;
    }
}
