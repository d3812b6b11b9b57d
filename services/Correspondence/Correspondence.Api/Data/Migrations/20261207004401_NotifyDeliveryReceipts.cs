using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Correspondence.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class NotifyDeliveryReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "channel_notification_id",
                schema: "correspondence",
                table: "messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "delivery",
                schema: "correspondence",
                table: "messages",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                // Messages sent before receipts were recorded have none: "None", which the model reads back, not "".
                defaultValue: "None");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "delivery_at",
                schema: "correspondence",
                table: "messages",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "channel_notification_id",
                schema: "correspondence",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "delivery",
                schema: "correspondence",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "delivery_at",
                schema: "correspondence",
                table: "messages");
        }
    }
}
