using System.Reflection;
using Xunit.Sdk;

namespace Duban.Data.Tests.Support;

/// <summary>Runs a theory on SQLite: <c>[Theory, OnSqlite, OnPostgres]</c> runs it on both providers.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Sqlite]];
}

/// <summary>Runs a theory on PostgreSQL, or skips that case with the reason when no server is configured outside CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        Skip = PostgresTestSettings.SkipReason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.PostgreSQL]];
}
