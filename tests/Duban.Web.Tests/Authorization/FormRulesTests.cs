using System.Text.RegularExpressions;

namespace Duban.Web.Tests.Authorization;

/// <summary>
/// Every form of the pages says whose record it writes and which service decides it — the same one the API's write
/// goes through, so that <see cref="WriteMatrixTests"/> holds for the form too — and which test posts it as someone
/// who is not responsible. A form added without a line here fails, as an API write without a row fails the matrix.
/// </summary>
public sealed partial class FormRulesTests
{
    [GeneratedRegex(@"@formname=""(?:@\(\$""(?<dynamic>[^{""]+)|(?<name>[^""]+))|FormName=""(?<name>[^""]+)""")]
    private static partial Regex FormName();

    /// <summary>form (page file : form name, or its prefix for forms named per row) → whose it is, decided where, refused-post test.</summary>
    private static readonly Dictionary<string, string> Rules = new()
    {
        ["Users/UserNew.razor:new-user"] = "the new account's organisation/region/scope — UserAdministration.CreateAsync (as POST /api/v1/users) — UserAdministrationProperties",
        ["Users/UserEdit.razor:edit-user"] = "the account — UserAdministration.UpdateAsync (as PUT /api/v1/users/{id}) — ResponsibilityPagesTests, UserAdministrationProperties",
        ["Users/UserEdit.razor:reset-password"] = "the account — UserAdministration.ResetPasswordAsync — ResponsibilityPagesTests.A_city_administrator_neither_opens_nor_resets…",
        ["Users/UserEdit.razor:toggle-active"] = "the account — UserAdministration.UpdateAsync — UserAdministrationProperties",
        ["Organizations.razor:create-organization"] = "the region — OrganizationAdministration.CreateAsync (as POST /api/v1/organizations) — WriteMatrixTests",
        ["Organizations.razor:edit-organization"] = "the organisation — OrganizationAdministration.UpdateAsync — WriteMatrixTests",
        ["Organizations.razor:add-alias"] = "the organisation — OrganizationAdministration.AddAliasAsync — WriteMatrixTests",
        ["Organizations.razor:remove-alias"] = "the organisation — OrganizationAdministration.RemoveAliasAsync — WriteMatrixTests",
        ["Organizations.razor:merge-organization"] = "both organisations and the moved accounts — OrganizationAdministration.MergeAsync — WriteMatrixTests",
        ["Regions.razor:add-region"] = "the parent region — RegionAdministration.CreateAsync (as POST /api/v1/regions) — WriteMatrixTests, RegionAdministrationTests",
        ["PlanReader.razor:plan-status"] = "the plan's region — PlanPublishing.ChangeStatusAsync — WriteMatrixTests, PlanStatusTests",
        ["Baseline/PlanBaselinePanel.razor:tracking-start"] = "the plan's region — the tracking-start service (as PUT /api/v1/plans/{id}/tracking-start) — BaselineApiTests",
        ["Baseline/TaskBaselinePanel.razor:baseline"] = "the stating organisation — BaselineDesk (as POST /api/v1/tasks/{id}/baseline) — BaselineApiTests",
        ["Import/ImportWizard.razor:upload-plan"] = "the region filed under — PlanImportFlow with ImportAuthorities — ImportScopeTests",
        ["Import/ImportWizard.razor:change-region"] = "nothing: it analyses again with another region, which PlanImportFlow holds to ImportAuthorities — ImportRegionTests",
        ["Import/ImportWizard.razor:confirm-import"] = "the region and the revised plan — PlanImportFlow with ImportAuthorities — ImportScopeTests",
        ["Tracking/ReviewQueue.razor:review-"] = "the report's organisation — ActingRights.ForReportAsync — ResponsibilityPagesTests.The_review_queue…",
        ["Tracking/ReviewBatch.razor:batch-review"] = "each report's organisation, item by item — ReportBatchReview (ActingRights.ForReportAsync, then ProgressReporting.ReviewAsync) — BatchActionsTests, ResponsibilityPagesTests.A_batch…",
        ["Supervision/SupervisionBatch.razor:batch-close"] = "each order's organisation, item by item — OrderBatchClose (ActingRights.ForOrderAsync, then SupervisionDesk.CloseAsync) — BatchActionsTests, ResponsibilityPagesTests.A_batch…",
        ["Tracking/ReportForm.razor:report"] = "the reporter's organisation — ProgressReporting (ReportsFor) — TrackingPagesTests",
        ["Tracking/TargetPage.razor:value"] = "the reporter's organisation — ObservationReporting (ObservationRules) — TargetsTests",
        ["Templates.razor:template-import"] = "the reporter's organisation — TemplateImport — TemplateTests",
        ["Supervision/TaskTimelinePage.razor:instruction"] = "the task's plan — ActingRights.ForTaskPlanAsync — ResponsibilityPagesTests.The_timeline…",
        ["Supervision/TaskTimelinePage.razor:flag"] = "the flagged organisation — ActingRights.ForOrganizationAsync — ResponsibilityPagesTests.The_timeline…",
        ["Supervision/SupervisionDetail.razor:close"] = "the order's organisation — OrderDetail.CanClose (ActingRights) — ResponsibilityPagesTests.A_supervision_order…",
        ["Supervision/SupervisionDetail.razor:return"] = "the order's organisation — OrderDetail.CanClose (ActingRights) — ResponsibilityPagesTests.A_supervision_order…",
        ["Supervision/SupervisionDetail.razor:reply"] = "the order's organisation's reporter — SupervisionDesk.ReplyAsync — SupervisionApiTests",
        ["Notifications/NotificationCentre.razor:read-all"] = "the recipient — NotificationInbox (own only) — NotificationPagesTests",
        ["Notifications/NotificationCentre.razor:read-one"] = "the recipient — NotificationInbox (own only) — NotificationPagesTests",
        ["Notifications/WebhooksPage.razor:new-webhook"] = "every region — policy admin-all — AuthorizationMatrixTests",
        ["Notifications/WebhooksPage.razor:webhook-action"] = "every region — policy admin-all — AuthorizationMatrixTests",
        ["Me.razor:new-token"] = "the signed-in user — MyAccount — ApiTokenTests",
        ["Me.razor:revoke-token"] = "the signed-in user's token — MyAccount — ApiTokenTests",
        ["Me.razor:calendar-feed"] = "the signed-in user's own subscription — CalendarFeeds (own only, as POST /api/v1/me/calendar-feed) — CalendarFeedTests.The_address_is_made_on_the_own_page…",
        ["Me.razor:calendar-feed-revoke"] = "the signed-in user's own subscription — CalendarFeeds (own only, as DELETE /api/v1/me/calendar-feed) — CalendarFeedTests.The_address_is_made_on_the_own_page…",
        ["Me.razor:change-password"] = "the signed-in user — MyAccount — PagesTests",
        ["Me.razor:notification-forwarding"] = "the signed-in user's own choice — NotificationForwarding — ReviewNotificationTests.A_reporter_who_forwards_reviews…",
        ["Supervision/IssueOrderPanel.razor:issue-order"] = "the addressed organisation — ActingRights.ForOrganizationAsync — TaskPageTests.A_responsible_administrator_issues…",
        ["TaskEditing/TaskEditPanel.razor:edit-task"] = "the task's plan — TaskEditor.EditAsync (as PATCH /api/v1/tasks/{id}) — WriteMatrixTests, TaskEditingPagesTests",
        ["TaskEditing/TaskEditPanel.razor:edit-targets"] = "the task's plan — TaskEditor.EditAsync (targets, as PATCH /api/v1/tasks/{id}) — WriteMatrixTests, TaskEditingPagesTests",
        ["TaskEditing/TaskEditPanel.razor:assignment-"] = "the task's plan — TaskEditor.ChangeAssignmentAsync / RemoveAssignmentAsync — WriteMatrixTests, TaskEditingPagesTests",
        ["TaskEditing/TaskEditPanel.razor:add-assignment"] = "the task's plan — TaskEditor.AddAssignmentAsync (as POST /api/v1/tasks/{id}/assignments) — WriteMatrixTests, TaskEditingPagesTests",
        ["TaskEditing/TaskEditPanel.razor:split-task"] = "the task's plan — TaskEditor.SplitAsync (as POST /api/v1/tasks/{id}/split) — WriteMatrixTests",
        ["TaskEditing/TaskEditPanel.razor:merge-task"] = "the task's plan — TaskEditor.MergeAsync (as POST /api/v1/tasks/{id}/merge) — WriteMatrixTests",
        ["TaskEditing/TaskEditPanel.razor:retire-task"] = "the task's plan — TaskEditor.RetireAsync (as DELETE /api/v1/tasks/{id}) — WriteMatrixTests, TaskEditingPagesTests",
        ["TaskEditing/AddTaskPanel.razor:add-task"] = "the plan's region — TaskEditor.AddTaskAsync (as POST /api/v1/plans/{id}/tasks) — WriteMatrixTests, TaskEditingPagesTests",
        ["Governance/BodyEdit.razor:edit-body"] = "the body's plan — BodyDetail.CanAdminister, GovernanceDesk.CorrectAsync (as PUT /api/v1/bodies/{id}) — WriteMatrixTests, GovernancePagesTests",
        ["Governance/MeetingNew.razor:new-meeting"] = "the body's plan — BodyDetail.CanAdminister, GovernanceDesk.CreateMeetingAsync (as POST /api/v1/bodies/{id}/meetings) — WriteMatrixTests, GovernancePagesTests",
        ["Governance/MeetingEdit.razor:edit-meeting"] = "the meeting's plan — MeetingDetail.CanAdminister, GovernanceDesk.EditMeetingAsync (as PUT /api/v1/meetings/{id}) — WriteMatrixTests, MeetingEditTests.The_city_plans_meeting_shows_the_county_administrator_no_form_and_a_forged_edit_changes_nothing",
        ["Governance/MeetingPage.razor:add-decisions"] = "the meeting's plan — MeetingDetail.CanAdminister, GovernanceDesk.AddDecisionsAsync (as POST /api/v1/meetings/{id}/decisions) — WriteMatrixTests, GovernancePagesTests",
        ["Governance/MeetingPage.razor:upload-minutes"] = "the meeting's plan — MeetingDetail.CanAdminister, GovernanceDesk.UploadMinutesAsync (as POST /api/v1/meetings/{id}/minutes) — WriteMatrixTests, GovernancePagesTests",
        ["NewAssignedPlan.razor:new-plan"] = "the region chosen — TaskEditor.CreatePlanAsync (as POST /api/v1/plans) — WriteMatrixTests, TaskEditingPagesTests",
        ["Assessments/AssessmentList.razor:new-assessment"] = "the scheme's region — AssessmentAccess.AdministersSchemeAsync, AssessmentDesk.CreateAssessmentAsync (as POST /api/v1/assessments) — WriteMatrixTests, AssessmentPagesTests",
        ["Assessments/SchemeNew.razor:new-scheme"] = "the region chosen — AssessmentAccess.SchemeRegions, AssessmentDesk.CreateSchemeAsync (as POST /api/v1/assessment-schemes) — WriteMatrixTests, AssessmentPagesTests",
        ["Assessments/SchemeEditor.razor:edit-scheme"] = "the scheme's region — AssessmentAccess.AdministersSchemeAsync, AssessmentDesk.ReviseSchemeAsync (as PUT /api/v1/assessment-schemes/{id}) — WriteMatrixTests, AssessmentPagesTests",
        ["Assessments/AssessmentPage.razor:recompute"] = "the scheme's region — AssessmentDetail.CanAdminister, AssessmentDesk.RecomputeAsync — WriteMatrixTests, AssessmentPagesTests",
        ["Assessments/AssessmentPage.razor:advance"] = "the scheme's region — AssessmentDetail.CanAdminister, AssessmentDesk.AdvanceAsync — WriteMatrixTests, AssessmentPagesTests",
        ["Assessments/ScoreCardPage.razor:self-score"] = "the assessed organisation's reporter — AssessmentDesk.SelfScoreAsync (own organisation only) — WriteMatrixTests, AssessmentPagesTests",
        ["Assessments/ScoreCardPage.razor:enter-score"] = "the organisation (office or inspector over it) — AssessmentAccess.EntersForAsync, AssessmentDesk.EnterAsync — WriteMatrixTests, AssessmentPagesTests",
        ["Assessments/ScoreCardPage.razor:review-score"] = "the scheme's region — AssessmentAccess.AdministersAsync, AssessmentDesk.ReviewAsync — WriteMatrixTests, AssessmentPagesTests",
        ["Bulletins/BulletinPage.razor:save-bulletin"] = "the scheme's region — BulletinService.ReadAsync (CanEdit: AssessmentAccess.AdministersAsync), BulletinDesk.SaveAsync (as PUT /api/v1/assessments/{id}/bulletin) — WriteMatrixTests, BulletinRefusalTests.Forged_bulletin_posts…",
        ["Bulletins/BulletinPage.razor:issue-bulletin"] = "the scheme's region — BulletinService.ReadAsync (CanEdit), BulletinDesk.IssueAsync (as POST /api/v1/assessments/{id}/bulletin/issue) — WriteMatrixTests, BulletinRefusalTests.Forged_bulletin_posts…",
        ["Cascade/CascadePage.razor:filing-review-"] = "the upper plan's region — CascadeAccess.AdministersPlanAsync, CascadeDesk.ReviewAsync (as POST /api/v1/filings/{id}/accept, /return) — WriteMatrixTests, CascadePageTests.A_county_administrator_posting_a_review_on_the_city_page_is_refused",
        ["Cascade/CascadePage.razor:link-"] = "the lower plan's region — CascadeAccess.AdministersPlanAsync, CascadeDesk.DecideLinkAsync (as PUT /api/v1/plans/{id}/links) — WriteMatrixTests, CascadeFormsTests.The_county_office_removes_and_sets_its_basis_plan_on_the_page_and_another_county_cannot",
        ["Cascade/CascadePage.razor:link-add-"] = "the lower plan's region; the upper plan one the user sees — CascadeAccess.AdministersPlanAsync + SeesPlanAsync, CascadeDesk.DecideLinkAsync (as PUT /api/v1/plans/{id}/links) — CascadeFormsTests.The_county_office_removes_and_sets…",
        ["Cascade/RequirementForm.razor:requirement-"] = "the upper plan's region — CascadePage.SaveRequirementAsync: CascadeAccess.AdministersPlanAsync, CascadeDesk.CreateRequirementAsync / UpdateRequirementAsync (as POST /api/v1/plans/{id}/filing-requirements, PUT /api/v1/filing-requirements/{id}) — WriteMatrixTests, CascadeFormsTests.The_city_office_sets_and_changes_a_filing_requirement_on_the_page",
        ["Cascade/CascadePage.razor:coverage-"] = "the upper plan's region — CascadeAccess.AdministersPlanAsync, CascadeDesk.DecideCoverageAsync (as POST /api/v1/plans/{id}/coverage/confirm, /reject) — WriteMatrixTests, CoveragePageTests.Coverage_is_confirmed_or_rejected_on_the_page_by_the_city_office_and_not_by_a_county_administrator",
        ["Cascade/FilingOrderForm.razor:filing-order-"] = "the upper plan's region — CascadeAccess.AdministersPlanAsync, FilingOrders.IssueAsync (as POST /api/v1/filings/{id}/orders) — WriteMatrixTests, FilingOrderTests.The_cascade_page_offers_the_form_to_the_city_office_only_and_issues_the_order",
        ["Setup.razor:setup"] = "nobody yet: the first administrator, with the one-time set-up token — FirstAdministrator — FirstAdministratorTests",
    };

    private static string WebSource
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "Duban.Web");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException("src/Duban.Web not found above the test's folder");
        }
    }

    [Fact]
    public void Every_form_of_the_pages_has_a_declared_rule()
    {
        var root = WebSource;
        var forms = Directory.EnumerateFiles(root, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => FormName().Matches(File.ReadAllText(file)).Select(m =>
            {
                var page = Path.GetRelativePath(root, file).Replace('\\', '/').Replace("Components/Pages/", "").Replace("Components/", "");
                return $"{page}:{(m.Groups["dynamic"].Success ? m.Groups["dynamic"].Value : m.Groups["name"].Value)}";
            }))
            .Distinct().ToList();

        forms.Count.ShouldBeGreaterThan(20, "no forms found: has the folder moved?");
        forms.Where(f => !Rules.ContainsKey(f))
            .ShouldBeEmpty("forms without a rule: say in FormRulesTests whose record each writes, which service decides it and which test posts it as someone not responsible");
        Rules.Keys.Where(k => !forms.Contains(k)).ShouldBeEmpty("rules for forms that no page has any more");
    }
}
