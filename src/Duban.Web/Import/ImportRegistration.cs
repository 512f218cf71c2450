using Duban.Data;
using Duban.Data.Import;
using Duban.Parsing;

namespace Duban.Web.Import;

public static class ImportRegistration
{
    /// <summary>The plan importer of Duban.Data on the request's DbContext, its audit entries in the same context.</summary>
    public static IServiceCollection AddPlanImport(this IServiceCollection services)
    {
        // Import:MaxFileBytes overrides the importer's limit (20 MB).
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetValue<long?>("Import:MaxFileBytes") is { } max
            ? ImportOptions.Default with { MaxFileBytes = max }
            : ImportOptions.Default);
        services.AddSingleton<PlanParser>(_ => new PlanParser());
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<DubanDbContext>();
            return new PlanImportService(db, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Duban.Data.Audit.AuditLog>(), sp.GetRequiredService<PlanParser>(), sp.GetRequiredService<ImportOptions>());
        });
        // The wizard's confirmation carries the file back as a base64 form field: let a field hold the largest file.
        services.AddOptions<Microsoft.AspNetCore.Http.Features.FormOptions>().Configure<ImportOptions>((form, import) =>
            form.ValueLengthLimit = (int)Math.Min(int.MaxValue, Math.Max(form.ValueLengthLimit, import.MaxFileBytes * 4 / 3 + 4096)));
        services.AddScoped<ImportTokens>();
        services.AddScoped<PlanImportFlow>();
        return services;
    }
}
