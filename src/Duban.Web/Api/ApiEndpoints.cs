namespace Duban.Web.Api;

/// <summary>
/// The HTTP API under /api/v1: one route group per resource, each declaring its authorization rule. A group or an
/// endpoint without one is caught by the route-table test (and meanwhile closed to anonymous visitors by the fallback policy).
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static IEndpointRouteBuilder MapDubanApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        api.MapMe();
        api.MapUsers();
        api.MapRegions();
        api.MapOrganizations();
        api.MapImport();
        api.MapPlans();
        api.MapTasks();
        Notifications.NotificationsEndpoints.MapNotifications(api);
        Notifications.WebhooksEndpoints.MapWebhooks(api);
        Tracking.TrackingApi.MapTracking(api);
        Supervision.SupervisionEndpoints.MapSupervision(api);
        Baseline.BaselineEndpoints.MapBaseline(api);
        TaskEditing.TaskEditingEndpoints.MapTaskEditing(api);
        Dashboard.DashboardEndpoints.MapDashboard(api);
        Ledger.LedgerEndpoints.MapLedger(api);
        Exports.ExportEndpoints.MapExports(api);
        Notices.NoticeEndpoints.MapNotices(api);
        Spreadsheets.TemplateEndpoints.MapTemplates(api);
        Assessments.AssessmentEndpoints.MapAssessments(api);
        Calendar.CalendarEndpoints.MapCalendarApi(api);
        Comparison.ComparisonEndpoints.MapComparison(api);
        Bulletins.BulletinEndpoints.MapBulletins(api);
        Governance.GovernanceEndpoints.MapGovernance(api);
        Cascade.CascadeEndpoints.MapCascade(api);
        Batch.BatchEndpoints.MapBatch(api);
        return app;
    }
}
