using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Correspondence.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "case_id",
                schema: "correspondence",
                table: "messages",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.CreateTable(
                name: "complaints",
                schema: "correspondence",
                columns: table => new
                {
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    handling_organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaints", x => x.complaint_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_messages_complaint_id",
                schema: "correspondence",
                table: "messages",
                column: "complaint_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaints",
                schema: "correspondence");

            migrationBuilder.DropIndex(
                name: "ix_messages_complaint_id",
                schema: "correspondence",
                table: "messages");

            // Messages about a complaint without a case have no case to keep (ADR 37).
            migrationBuilder.Sql("DELETE FROM correspondence.messages WHERE case_id IS NULL;");

            migrationBuilder.AlterColumn<Guid>(
                name: "case_id",
                schema: "correspondence",
                table: "messages",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
