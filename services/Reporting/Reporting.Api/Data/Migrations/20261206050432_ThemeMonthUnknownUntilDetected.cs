using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Reporting.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ThemeMonthUnknownUntilDetected : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateOnly>(
                name: "month",
                schema: "reporting",
                table: "theme_facts",
                type: "date",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "date");

            // The placeholder a theme shared before its detection used to wait with.
            migrationBuilder.Sql("UPDATE reporting.theme_facts SET month = NULL WHERE month = '-infinity'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateOnly>(
                name: "month",
                schema: "reporting",
                table: "theme_facts",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);
        }
    }
}
