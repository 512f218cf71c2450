using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Duban.Web.Account;
using Duban.Web.Api;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Components;
using Duban.Web.Demo;
using Duban.Web.Import;
using Duban.Web.Security;
using Duban.Web.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;

namespace Duban.Web.Hosting;

/// <summary>The services and the request pipeline of the web application, in the order they matter.</summary>
public static class WebApplicationSetup
{
    public static WebApplicationBuilder AddDubanWeb(this WebApplicationBuilder builder)
    {
        // Serve the build's static assets (and their compressed copies) in every environment, not only Development,
        // so that a run from the build output behaves like the published one; in a published app this does nothing.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents();
        // Chinese text is written as it is rather than as &#x...; entities: the pages are Chinese, and half the size.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddDubanDatabase();
        services.AddDubanAuthentication(builder.Configuration);
        services.AddSignInRateLimiting();
        services.AddDubanOpenApi();

        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddOptions<Duban.Data.Regions.DivisionOptions>().BindConfiguration(Duban.Data.Regions.DivisionRoot.SectionName);
        services.AddOptions<SetupOptions>().BindConfiguration(SetupOptions.Section);
        services.AddOptions<WebHostOptions>().BindConfiguration(WebHostOptions.Section);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SetupTokens>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<Duban.Web.Components.Streaming.SiblingLoadGate>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<ActingRights>();
        services.AddScoped<Duban.Web.Organizations.OrganizationAdministration>();
        services.AddScoped<Duban.Web.Regions.RegionAdministration>();
        services.AddScoped<Duban.Web.Plans.PlanQueries>();
        services.AddSingleton<Duban.Web.Paging.ListCounts>();
        services.AddScoped<Duban.Web.Plans.PlanPublishing>();
        services.AddScoped<Duban.Web.Plans.AssignmentNotices>();
        services.AddScoped<MyAccount>();
        services.AddScoped<FirstAdministrator>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<IDemoPlanSeeder, SamplePlanSeeder>();
        services.AddScoped<IDemoPlanSeeder, DemoActivitySeeder>();
        services.AddPlanImport();
        Notifications.NotificationsRegistration.AddDubanNotifications(services);
        Duban.Web.Tracking.TrackingApi.AddTracking(services);
        Duban.Web.Supervision.SupervisionRegistration.AddSupervision(services);
        Duban.Web.Baseline.BaselineEndpoints.AddBaseline(services);
        Duban.Web.TaskEditing.TaskEditingEndpoints.AddTaskEditing(services);
        services.AddSingleton<Duban.Data.Tracking.Status.PlanStatusCache>();
        services.AddSingleton<Duban.Data.Tracking.Status.StoredTaskStatuses>();
        services.AddOptions<Duban.Web.Dashboard.KeptStatusOptions>().BindConfiguration(Duban.Web.Dashboard.KeptStatusOptions.Section);
        services.AddSingleton<Duban.Web.Dashboard.KeptStatusWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<Duban.Web.Dashboard.KeptStatusWarmup>());
        services.AddScoped<Duban.Web.Dashboard.DashboardQueries>();
        services.AddScoped<Duban.Web.Dashboard.ScopedTaskStatuses>();
        services.AddScoped<Duban.Web.Workbench.WorkbenchQueries>();
        services.AddSingleton<Duban.Web.Dashboard.DashboardCoalescer>();
        services.AddScoped<Duban.Web.Ledger.LedgerExport>();
        Duban.Web.Exports.ExportEndpoints.AddExports(services);
        Duban.Web.Batch.BatchRegistration.AddBatch(services);
        Duban.Web.Notices.NoticeEndpoints.AddNotices(services);
        Duban.Web.Spreadsheets.TemplateEndpoints.AddSpreadsheets(services);
        Duban.Web.Assessments.AssessmentEndpoints.AddAssessments(services);
        Duban.Web.Calendar.CalendarEndpoints.AddCalendar(services);
        Duban.Web.Comparison.ComparisonEndpoints.AddComparison(services);
        Duban.Web.Bulletins.BulletinEndpoints.AddBulletins(services);
        Duban.Web.Governance.GovernanceEndpoints.AddGovernance(services);
        Duban.Web.Cascade.CascadeEndpoints.AddCascade(services);

        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblemDefaults.Customize);
        services.AddExceptionHandler<ApiBadRequestHandler>();
        // Binding failures throw so that ApiBadRequestHandler can name the field in Chinese.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        return builder;
    }

    public static WebApplication UseDubanWeb(this WebApplication app)
    {
        var web = app.Configuration.GetSection(WebHostOptions.Section).Get<WebHostOptions>() ?? new WebHostOptions();
        if (web.TrustForwardedHeaders)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            // The proxy's address is not known in advance; trusting the headers is the operator's explicit choice above.
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }

        app.UseWhen(context => AuthenticationSetup.IsApi(context.Request), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !AuthenticationSetup.IsApi(context.Request), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                CreateScopeForErrors = true,
                // A form that fails antiforgery or binding is the client's fault: 400, with a page that says so.
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
                SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
            });
            pages.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
            // The error pages are re-executed with the failed request's method. A POST would make them a form post,
            // whose form (perhaps the very one that failed antiforgery) they would try to read: show them as a GET.
            pages.Use((context, next) =>
            {
                if (context.Features.Get<IExceptionHandlerFeature>() is not null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
                    context.Request.Method = HttpMethods.Get;
                return next(context);
            });
        });
        if (web.HttpsOnly)
        {
            if (!app.Environment.IsDevelopment()) app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders();

        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = OpenApiSetup.BrowsablePath;
            options.SwaggerEndpoint(OpenApiSetup.DocumentPath, "督办 API v1");
            options.DocumentTitle = "督办 API 文档";
        });

        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        // A post whose antiforgery token failed stops here with an empty 400, which the status pages answer in
        // Chinese; left to the endpoint, a page would answer in the framework's English.
        app.Use((context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UseApiCookieWriteGuard();

        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi(OpenApiSetup.DocumentPath).AllowAnonymous();
        app.MapGet("/healthz", () => TypedResults.Text("ok")).AllowAnonymous().ExcludeFromDescription();
        app.MapDubanApi();
        app.MapAccount();
        Duban.Web.Calendar.CalendarEndpoints.MapCalendarFeed(app);
        app.MapRazorComponents<App>().Add(endpoint =>
        {
            // Every page declares its own rule. The framework adds one endpoint that is no page: the redirect that
            // enhanced navigation follows, whose target is checked on its own. It is open to all, and says so.
            if (!endpoint.Metadata.OfType<ComponentTypeMetadata>().Any()) endpoint.Metadata.Add(new AllowAnonymousAttribute());
        });

        StartupBanner.Register(app);
        return app;
    }
}
