using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConcernsStayOpenAndBecomeComplaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateOnly>(
                name: "resolved_on",
                schema: "intake",
                table: "informal_concerns",
                type: "date",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "date");

            migrationBuilder.AddColumn<Guid>(
                name: "complaint_id",
                schema: "intake",
                table: "informal_concerns",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "follow_up_on",
                schema: "intake",
                table: "informal_concerns",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolution",
                schema: "intake",
                table: "informal_concerns",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "from_concern_id",
                schema: "intake",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_informal_concerns_organisation_code_follow_up_on",
                schema: "intake",
                table: "informal_concerns",
                columns: new[] { "organisation_code", "follow_up_on" },
                filter: "follow_up_on IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_from_concern_id",
                schema: "intake",
                table: "complaints",
                column: "from_concern_id",
                unique: true,
                filter: "from_concern_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_informal_concerns_organisation_code_follow_up_on",
                schema: "intake",
                table: "informal_concerns");

            migrationBuilder.DropIndex(
                name: "ix_complaints_from_concern_id",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "complaint_id",
                schema: "intake",
                table: "informal_concerns");

            migrationBuilder.DropColumn(
                name: "follow_up_on",
                schema: "intake",
                table: "informal_concerns");

            migrationBuilder.DropColumn(
                name: "resolution",
                schema: "intake",
                table: "informal_concerns");

            migrationBuilder.DropColumn(
                name: "from_concern_id",
                schema: "intake",
                table: "complaints");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "resolved_on",
                schema: "intake",
                table: "informal_concerns",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);
        }
    }
}
