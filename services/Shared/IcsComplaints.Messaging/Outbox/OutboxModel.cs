using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IcsComplaints.Messaging.Outbox;

/// <summary>Adds the outbox and inbox tables to a service's model and migrations.</summary>
public static class OutboxModel
{
    /// <summary>Outbox table name.</summary>
    public const string OutboxTable = "outbox_messages";

    /// <summary>Inbox table name.</summary>
    public const string InboxTable = "inbox_messages";

    /// <summary>The LISTEN/NOTIFY channel of a service's outbox.</summary>
    public static string NotifyChannel(string schema) => schema + "_outbox";

    /// <summary>Maps <see cref="OutboxMessage"/> and <see cref="InboxMessage"/> in the context's default schema.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable(OutboxTable);
            b.HasKey(m => m.Sequence);
            b.Property(m => m.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
            b.Property(m => m.MessageId).HasColumnName("message_id");
            b.HasIndex(m => m.MessageId).IsUnique();
            b.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(500);
            b.Property(m => m.Destination).HasColumnName("destination").HasMaxLength(500);
            b.Property(m => m.Payload).HasColumnName("payload").HasColumnType("jsonb");
            b.Property(m => m.Headers).HasColumnName("headers").HasColumnType("jsonb");
            b.Property(m => m.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()").ValueGeneratedOnAdd();
            b.Property(m => m.AvailableAt).HasColumnName("available_at");
            b.Property(m => m.Attempts).HasColumnName("attempts");
            b.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            b.Property(m => m.ParkedAt).HasColumnName("parked_at");
            // The relay's claim query reads only live rows in insertion order.
            b.HasIndex(m => m.Sequence).HasDatabaseName("ix_outbox_messages_live").HasFilter("parked_at IS NULL");
            // Parked rows are few and wait for an operator: the health count and the admin list read only them, however
            // long the outbox grows while the broker is down.
            b.HasIndex(m => m.Sequence, "ix_outbox_messages_parked").HasDatabaseName("ix_outbox_messages_parked").HasFilter("parked_at IS NOT NULL");
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable(InboxTable);
            b.HasKey(m => new { m.MessageId, m.Consumer });
            b.Property(m => m.MessageId).HasColumnName("message_id");
            b.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(300);
            b.Property(m => m.ReceivedAt).HasColumnName("received_at");
            b.HasIndex(m => m.ReceivedAt);
        });
        return modelBuilder;
    }

    /// <summary>
    /// Creates the statement-level trigger that wakes relays (LISTEN/NOTIFY) when rows are added. Call it from the
    /// migration that creates the outbox table.
    /// </summary>
    public static MigrationBuilder CreateOutboxNotifyTrigger(this MigrationBuilder migrationBuilder, string schema)
    {
        migrationBuilder.Sql(NotifyTriggerSql(schema));
        return migrationBuilder;
    }

    /// <summary>SQL of the trigger that notifies <see cref="NotifyChannel"/> after rows are added to the outbox.</summary>
    public static string NotifyTriggerSql(string schema) => $"""
        CREATE OR REPLACE FUNCTION "{schema}".notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{NotifyChannel(schema)}', '');
            RETURN NULL;
        END $$;
        CREATE TRIGGER outbox_messages_notify AFTER INSERT ON "{schema}".{OutboxTable}
            FOR EACH STATEMENT EXECUTE FUNCTION "{schema}".notify_outbox();
        """;

    /// <summary>Removes what <see cref="CreateOutboxNotifyTrigger"/> created.</summary>
    public static MigrationBuilder DropOutboxNotifyTrigger(this MigrationBuilder migrationBuilder, string schema)
    {
        migrationBuilder.Sql($"""
            DROP TRIGGER IF EXISTS outbox_messages_notify ON "{schema}".{OutboxTable};
            DROP FUNCTION IF EXISTS "{schema}".notify_outbox();
            """);
        return migrationBuilder;
    }
}
