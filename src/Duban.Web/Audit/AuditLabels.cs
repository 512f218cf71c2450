using Duban.Core.Notifications;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Baseline;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Supervision;
using Duban.Web.Display;

namespace Duban.Web.Audit;

/// <summary>
/// How the audit page names what the stored JSON names in English: fields (camelCase keys of the before and after
/// snapshots), the values of enumerations (written by name), and which keys hold the id of something with a name.
/// Data only; a key or a value not listed is shown as it is stored.
/// </summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "编号", ["status"] = "状态", ["title"] = "标题", ["name"] = "名称", ["displayName"] = "姓名", ["userName"] = "用户名",
        ["role"] = "角色", ["scope"] = "数据范围", ["organizationId"] = "单位", ["organizationIds"] = "单位", ["organization"] = "单位",
        ["regionId"] = "区域", ["parentId"] = "上级区域", ["isActive"] = "启用", ["active"] = "启用", ["path"] = "区域路径", ["level"] = "级别", ["code"] = "区划代码",
        ["kind"] = "类型", ["text"] = "内容", ["no"] = "编号", ["deadline"] = "完成时限", ["deadlineRaw"] = "完成时限", ["due"] = "截止日期",
        ["start"] = "开始", ["end"] = "结束", ["ongoing"] = "长期坚持", ["recurrence"] = "周期性", ["assignments"] = "责任单位", ["primary"] = "主责",
        ["unitName"] = "文件中的单位名称", ["targets"] = "量化指标", ["subject"] = "指标", ["comparator"] = "比较方式", ["value"] = "数值",
        ["valueMax"] = "上限", ["unit"] = "计量单位", ["year"] = "年份", ["raw"] = "原文", ["retiredAt"] = "退役时间", ["retiredReason"] = "退役原因",
        ["retired"] = "已退役", ["mergedIntoId"] = "并入任务", ["mergedTaskId"] = "被合并的任务", ["trackingStart"] = "跟踪起始日",
        ["decision"] = "审核结果", ["comment"] = "意见", ["revisionId"] = "审核的修订", ["revision"] = "修订", ["state"] = "进展状态",
        ["percentComplete"] = "完成百分比", ["done"] = "工作进展", ["problems"] = "存在问题", ["nextSteps"] = "下步打算", ["evidenceIds"] = "佐证材料",
        ["evidenceId"] = "佐证材料", ["assignmentId"] = "分工", ["periodId"] = "周期", ["submittedAt"] = "提交时间", ["late"] = "逾期提交",
        ["latestRevisionId"] = "最新修订", ["revisionSubmittedAt"] = "本次修订提交时间", ["number"] = "编号", ["taskId"] = "任务", ["planId"] = "计划",
        ["reason"] = "事由", ["replyBy"] = "回复期限", ["origin"] = "来源", ["measures"] = "整改措施", ["newDate"] = "新的完成时间",
        ["newReplyBy"] = "新的回复期限", ["count"] = "数量", ["replyBefore"] = "回复期限早于", ["rectificationNumber"] = "审核的回复", ["orderId"] = "督办单", ["leader"] = "批示领导",
        ["leaderName"] = "批示领导", ["date"] = "日期", ["note"] = "说明", ["url"] = "地址", ["eventKinds"] = "事件类型", ["format"] = "格式",
        ["enabled"] = "启用", ["personal"] = "个人通知", ["forwardedNotificationKinds"] = "推送到站外的通知类型", ["expiresAt"] = "有效期至",
        ["prefix"] = "前缀", ["revokedAt"] = "撤销时间", ["aliases"] = "别名", ["alias"] = "别名", ["windowDays"] = "报送窗口（天）",
        ["lateRule"] = "逾期规则", ["refuseAfterDays"] = "逾期拒收天数", ["fileName"] = "文件名", ["sha256"] = "SHA-256", ["size"] = "大小",
        ["type"] = "类型", ["version"] = "版本", ["versionNumber"] = "版本", ["targetId"] = "指标", ["reportId"] = "进展报告", ["source"] = "来源",
        ["sourceInstructor"] = "交办领导", ["sourceDate"] = "交办日期", ["sourceReference"] = "会议或文件", ["issuer"] = "发文机关",
        ["docNumber"] = "发文字号", ["issueDate"] = "发文日期", ["createdAt"] = "创建时间", ["at"] = "时间", ["userId"] = "用户",
        ["client"] = "客户端地址", ["failures"] = "失败次数", ["blockedUntil"] = "等待至", ["wasLocked"] = "曾被锁定", ["password"] = "密码",
        ["tasksCreated"] = "新建任务", ["assignmentsCreated"] = "新建分工", ["organizationsCreated"] = "新建单位", ["withoutReply"] = "未回复直接办结",
        ["statedByRole"] = "填报人角色", ["currentVersionId"] = "当前版本", ["label"] = "名称", ["key"] = "键", ["summary"] = "摘要",
        ["leadCount"] = "牵头单位数", ["eventId"] = "事件", ["regions"] = "区域数", ["organizations"] = "单位数", ["users"] = "用户",
        // Assessments (docs/assessment.md).
        ["indicator"] = "考核指标", ["points"] = "得分", ["computed"] = "计算得分", ["run"] = "第几次计算", ["stage"] = "考核阶段", ["standings"] = "排名",
        ["definition"] = "方案内容", ["schemeId"] = "考核方案", ["schemeVersion"] = "方案版本", ["asOf"] = "考核截止日", ["digest"] = "结果摘要",
        ["changes"] = "得分变化项数", ["scores"] = "自评", ["total"] = "总分", ["rank"] = "名次", ["grade"] = "等次",
        ["selection"] = "成效明显县、校评选办法", ["top"] = "名额", ["minTotal"] = "总分线",
        // A scheme's definition (SchemeDefinition, IndicatorDefinition, ScoringRule, GradeBands).
        ["indicators"] = "考核指标", ["maxPoints"] = "分值", ["rule"] = "评分细则", ["grades"] = "等次线", ["excellent"] = "优秀",
        ["good"] = "良好", ["pass"] = "合格", ["cooperatingWeight"] = "配合单位权重", ["lateCredit"] = "逾期得分比例",
        ["ongoingMissingCredit"] = "长期推进缺报得分比例", ["onTrackCredit"] = "正常推进得分比例", ["laggingFactor"] = "滞后折算系数",
        ["noDataCredit"] = "无数据得分比例", ["keywords"] = "关键词", ["excludeKeywords"] = "排除关键词", ["replyShare"] = "回复所占比例",
        ["lateReplyCredit"] = "逾期回复得分比例", ["summonsPoints"] = "每次约谈扣分", ["bulletinPoints"] = "每次通报扣分", ["itemMax"] = "单项加分上限",
        // 通报 (docs/assessment.md, "通报").
        ["assessmentId"] = "考核", ["draft"] = "通报内容", ["recipients"] = "主送机关", ["paragraphs"] = "正文",
        ["praise"] = "表扬名单", ["criticism"] = "通报批评名单", ["closing"] = "工作要求", ["signature"] = "发文机关署名", ["issued"] = "已印发",
        // Governing bodies and meetings (docs/governance.md).
        ["office"] = "办公室", ["officeOrganizationId"] = "办公室所在单位", ["meetingsPerYear"] = "每年召开次数", ["meetingsAtLeast"] = "至少",
        ["cadenceText"] = "召开频次（原文）", ["cadenceFrom"] = "频次起算日", ["members"] = "成员", ["person"] = "姓名", ["post"] = "职务",
        ["bodyId"] = "议事机构", ["meetingId"] = "会议", ["agenda"] = "议题", ["minutesText"] = "会议纪要", ["minutesFileName"] = "会议纪要文件",
        ["attendees"] = "参会单位", ["attended"] = "出席", ["taskListId"] = "任务清单", ["minutesSha256"] = "会议纪要文件 SHA-256",
        ["minutesSize"] = "会议纪要文件大小",
        // Plans that cascade (docs/cascade.md).
        ["upperPlanId"] = "上级计划", ["lowerPlanId"] = "下级计划", ["links"] = "计划关联", ["office"] = "备案机关", ["everyChildRegion"] = "各下级地区政府报备",
        ["requirementId"] = "备案要求", ["filingId"] = "备案", ["lowerTaskId"] = "下级任务", ["score"] = "相似度",
    };

    /// <summary>The field's Chinese name, or the key itself.</summary>
    public static string Field(string key) => Fields.GetValueOrDefault(key, key);

    // Keys whose meaning depends on what holds them: an indicator's code is no region code.
    private static readonly Dictionary<(string Parent, string Key), string> FieldsWithin = new()
    {
        [("indicators", "code")] = "指标代码", [("indicators", "kind")] = "指标类型",
    };

    /// <summary>The field's Chinese name where <paramref name="parent"/> (the key holding it, null at the top) holds it.</summary>
    public static string Field(string key, string? parent) =>
        parent is not null && FieldsWithin.TryGetValue((parent, key), out var within) ? within : Field(key);

    /// <summary>What an id under a key names, for the names and links of <see cref="AuditNames"/>; null for an id without a page or a name.</summary>
    public static string? IdKind(string key) => key.ToLowerInvariant() switch
    {
        "organizationid" or "organizationids" or "officeorganizationid" => AuditNames.Organization,
        "regionid" or "parentid" => AuditNames.Region,
        "userid" or "authorid" or "reviewerid" or "issuedbyid" or "recordedbyid" or "statedbyid" or "retiredbyid" => AuditNames.User,
        "planid" or "upperplanid" or "lowerplanid" => AuditNames.Plan,
        "taskid" or "mergedintoid" or "mergedtaskid" or "lowertaskid" => AuditNames.Task,
        "orderid" => AuditNames.Order,
        "targetid" => AuditNames.Target,
        _ => null,
    };

    /// <summary>The kind of record an audit entry's entity is, for its name and link; null for one without.</summary>
    public static string? EntityKind(string entityType) => entityType switch
    {
        Data.Audit.AuditEntities.Plan or "plan" => AuditNames.Plan,
        Data.Audit.AuditEntities.Task => AuditNames.Task,
        Data.Audit.AuditEntities.Organization or Data.Audit.AuditEntities.ImportedOrganization => AuditNames.Organization,
        Data.Audit.AuditEntities.User => AuditNames.User,
        Data.Audit.AuditEntities.Region => AuditNames.Region,
        Data.Supervision.SupervisionAuditActions.OrderEntity => AuditNames.Order,
        Data.Tracking.TrackingAuditActions.ReportEntity => AuditNames.Report,
        Data.Tracking.TrackingAuditActions.ObservationEntity => AuditNames.Observation,
        Notifications.WebhookAdministration.AuditEntity => AuditNames.Webhook,
        _ => null,
    };

    /// <summary>
    /// The Chinese name of a value written by enumeration name. Names the entity's own states take first (a returned
    /// 督办单 is 整改不到位, a returned report 已退回); then the names every entity shares.
    /// </summary>
    public static string Value(string entityType, string key, string value)
    {
        if (entityType == Data.Supervision.SupervisionAuditActions.OrderEntity && OrderValues.TryGetValue(value, out var order)) return order;
        if (entityType == Data.Assessments.AssessmentAuditActions.AssessmentEntity && key.Equals("stage", StringComparison.OrdinalIgnoreCase)
            && Enum.TryParse<Core.Assessments.AssessmentStage>(value, out var stage) && Enum.IsDefined(stage)) return Core.Assessments.AssessmentStageRules.Label(stage);
        if (key.Equals("kind", StringComparison.OrdinalIgnoreCase) && entityType.StartsWith("organization", StringComparison.OrdinalIgnoreCase)
            && Enum.TryParse<Core.Organizations.OrganizationKind>(value, out var organizationKind)) return ChineseText.Name(organizationKind);
        if (key.Contains("kind", StringComparison.OrdinalIgnoreCase) && NotificationKinds.All.Contains(value)) return NotificationKinds.Describe(value);
        return Values.GetValueOrDefault(value, value);
    }

    private static readonly Dictionary<string, string> OrderValues = Enum.GetValues<OrderStatus>().ToDictionary(s => s.ToString(), s => s.Label())
        .Concat(Enum.GetValues<OrderOrigin>().Select(o => KeyValuePair.Create(o.ToString(), o.Label())))
        .ToDictionary(p => p.Key, p => p.Value);

    private static readonly Dictionary<string, string> Values = Build();

    private static Dictionary<string, string> Build()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add<T>(Func<T, string> label) where T : struct, Enum
        {
            foreach (var v in Enum.GetValues<T>()) values.TryAdd(v.ToString(), label(v));
        }
        Add<PlanStatus>(Plans.PlanText.Name);
        Add<ReportStatus>(Components.Pages.Tracking.TrackingText.Name);
        Add<ProgressState>(Components.Pages.Tracking.TrackingText.Name);
        Add<ReviewDecision>(Components.Pages.Tracking.TrackingText.Name);
        Add<Role>(ChineseText.Name);
        Add<DataScope>(ChineseText.Name);
        Add<Core.Regions.RegionLevel>(ChineseText.Name);
        Add<BaselineState>(s => s.Label());
        Add<OrderDecision>(d => d.Label());
        Add<TaskListSource>(s => s.Label());
        Add<Core.Governance.MeetingKind>(Core.Governance.MeetingKinds.Label);
        Add<Core.Cascade.FilingState>(Core.Cascade.CascadeLabels.Label);
        Add<Core.Cascade.LinkState>(Core.Cascade.CascadeLabels.Label);
        Add<Core.Cascade.CoverageState>(Core.Cascade.CascadeLabels.Label);
        Add<Core.Cascade.FilingKind>(Core.Cascade.CascadeLabels.Label);
        Add<Core.Assessments.IndicatorKind>(Core.Assessments.IndicatorKindLabels.Label);
        values.TryAdd("Lead", "牵头");
        values.TryAdd("Cooperating", "配合");
        foreach (var (name, label) in new[]
                 {
                     ("Monthly", "每月"), ("Quarterly", "每季度"), ("HalfYearly", "每半年"), ("AtLeast", "不低于"), ("AtMost", "不高于"), ("Equal", "达到"),
                     ("Approximately", "约"), ("Range", "区间"), ("Duban", "督办 JSON"), ("WeCom", "企业微信"), ("DingTalk", "钉钉"),
                 })
            values.TryAdd(name, label);
        return values;
    }
}
