using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.AdvocacyReferral.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndexParkedOutboxMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_parked",
                schema: "advocacy",
                table: "outbox_messages",
                column: "sequence",
                filter: "parked_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_parked",
                schema: "advocacy",
                table: "outbox_messages");
        }
    }
}
