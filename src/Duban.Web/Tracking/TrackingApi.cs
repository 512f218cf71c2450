using Duban.Data.Audit;
using Duban.Data;
using Duban.Data.Import;
using Duban.Data.Tracking;
using Duban.Web.Api;
using Duban.Web.Audit;
using Duban.Web.Operations;
using Duban.Web.Plans;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Duban.Web.Tracking;

/// <summary>The tracking API's routes, services and the translation of the services' outcomes into HTTP answers.</summary>
public static class TrackingApi
{
    public static RouteGroupBuilder MapTracking(this RouteGroupBuilder api)
    {
        api.MapPeriods();
        api.MapReports();
        api.MapEvidence();
        api.MapObservations();
        api.MapTargets();
        return api;
    }

    /// <summary>
    /// The tracking services of Duban.Data on the request's DbContext, audited through the same context;
    /// <c>Tracking:Evidence:MaxBytes</c> overrides the 20 MB evidence limit.
    /// </summary>
    public static IServiceCollection AddTracking(this IServiceCollection services)
    {
        services.AddSingleton(sp => new EvidenceOptions(
            sp.GetRequiredService<IConfiguration>().GetValue<long?>("Tracking:Evidence:MaxBytes") ?? EvidenceOptions.DefaultMaxBytes));
        services.AddSingleton(sp => EvidenceStore.Under(Hosting.DatabaseRegistration.Options(sp)));
        services.AddScoped(sp => new ReportingPeriods(Db(sp), Clock(sp), new AuditLog(Db(sp), Clock(sp))));
        services.AddScoped(sp => new ProgressReporting(Db(sp), Clock(sp), new AuditLog(Db(sp), Clock(sp)),
            sp.GetRequiredService<Duban.Data.Notifications.NotificationCenter>(), sp.GetRequiredService<Duban.Data.Notifications.WebhookOutbox>()));
        services.AddScoped(sp => new ObservationReporting(Db(sp), Clock(sp), new AuditLog(Db(sp), Clock(sp))));
        services.AddScoped(sp => new EvidenceUploads(Db(sp), Clock(sp), new AuditLog(Db(sp), Clock(sp)),
            sp.GetRequiredService<EvidenceStore>(), sp.GetRequiredService<EvidenceOptions>()));
        // With the kept counts of long lists (the report list, the review queue and the 工作台's 待审核 count with them).
        services.AddScoped(sp => new TrackingQueries(Db(sp), sp.GetRequiredService<PlanQueries>(), sp.GetRequiredService<ReportingPeriods>(),
            sp.GetService<Duban.Web.Paging.ListCounts>()));
        services.AddScoped(sp => new TargetFigures(Db(sp), Clock(sp)));
        services.AddScoped(sp => new TargetQueries(Db(sp), sp.GetRequiredService<PlanQueries>(), sp.GetRequiredService<TrackingQueries>(), sp.GetRequiredService<TargetFigures>()));
        return services;
    }

    private static DubanDbContext Db(IServiceProvider sp) => sp.GetRequiredService<DubanDbContext>();

    private static TimeProvider Clock(IServiceProvider sp) => sp.GetRequiredService<TimeProvider>();

    public static TrackingActor ActorOf(HttpContext context)
    {
        var user = DubanUser.Required(context.User);
        return new TrackingActor(user.Id, user.UserName, user.Role, user.OrganizationId, Actor.From(context).RemoteAddress);
    }

    public static ProblemHttpResult Problem(TrackingError error) => ApiResults.From(new OperationError(ErrorStatus.KindOf(error), error.Message, error.Field));
}
