using Duban.Core.Notifications;
using Duban.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Data.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("notifications");
        e.Property(x => x.Kind).HasMaxLength(50);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Body).HasMaxLength(2000);
        e.Property(x => x.Link).HasMaxLength(500);
        e.Property(x => x.IdempotencyKey).HasMaxLength(200);
        e.HasIndex(x => x.IdempotencyKey).IsUnique();
        // A user's list, newest first, and the unread count both start from the recipient.
        e.HasIndex(x => new { x.RecipientId, x.CreatedAt });
        e.HasOne<User>().WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> e)
    {
        e.ToTable("webhook_endpoints");
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Url).HasMaxLength(2000);
        e.Property(x => x.Secret).HasMaxLength(100);
        e.Property(x => x.EventKinds).HasMaxLength(500);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.Kinds);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> e)
    {
        e.ToTable("webhook_deliveries");
        e.Property(x => x.EventId).HasMaxLength(200);
        e.Property(x => x.EventKind).HasMaxLength(50);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.HasIndex(x => new { x.EndpointId, x.EventId }).IsUnique();
        // The sender's query: pending rows whose next attempt is due.
        e.HasIndex(x => new { x.Status, x.NextAttemptAt });
        e.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}
