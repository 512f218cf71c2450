using Duban.Data.Audit;
using Duban.Data.Supervision;

namespace Duban.Data.Tests.Supervision;

public sealed class SupervisionAuditNamesTests
{
    [Theory]
    [InlineData(SupervisionAuditActions.OrderIssue, "下发督办单")]
    [InlineData(SupervisionAuditActions.OrderReply, "回复督办单（整改措施）")]
    [InlineData(SupervisionAuditActions.OrderClose, "办结督办单")]
    [InlineData(SupervisionAuditActions.OrderReturn, "退回督办单整改回复（整改不到位）")]
    [InlineData(SupervisionAuditActions.OrdersOverdue, "督办单逾期未回复（系统标记）")]
    [InlineData(SupervisionAuditActions.InstructionRecord, "录入领导批示")]
    [InlineData(SupervisionAuditActions.FlagSet, "标记约谈/通报")]
    public void The_audit_page_names_supervision_actions_in_Chinese(string action, string name) => AuditActions.Describe(action).ShouldBe(name);

    [Theory]
    [InlineData(SupervisionAuditActions.OrderEntity, "督办单")]
    [InlineData(SupervisionAuditActions.InstructionEntity, "领导批示")]
    [InlineData(SupervisionAuditActions.TaskEntity, "任务")]
    public void And_their_entities(string entity, string name) => AuditEntities.Describe(entity).ShouldBe(name);
}
