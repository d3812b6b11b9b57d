using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Case.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddCaseClosureAndHolds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_complaint_id",
                schema: "case",
                table: "cases");

            migrationBuilder.AddColumn<bool>(
                name: "awaiting_best_interests_decision",
                schema: "case",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "awaiting_routing",
                schema: "case",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "awaiting_time_limit_decision",
                schema: "case",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "closed_on",
                schema: "case",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closure",
                schema: "case",
                table: "cases",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "outcome",
                schema: "case",
                table: "cases",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "transferred_from_organisation_code",
                schema: "case",
                table: "cases",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_complaint_id",
                schema: "case",
                table: "cases",
                column: "complaint_id",
                unique: true,
                filter: "stage <> 'Closed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_complaint_id",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "awaiting_best_interests_decision",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "awaiting_routing",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "awaiting_time_limit_decision",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "closed_on",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "closure",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "outcome",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "transferred_from_organisation_code",
                schema: "case",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_complaint_id",
                schema: "case",
                table: "cases",
                column: "complaint_id",
                unique: true);
        }
    }
}
