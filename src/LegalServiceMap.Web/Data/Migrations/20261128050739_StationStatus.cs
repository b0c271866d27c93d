using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalServiceMap.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StationStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedFrom",
                table: "Stations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedUntil",
                table: "Stations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureReasonEn",
                table: "Stations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureReasonZh",
                table: "Stations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Stations",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "active");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosedFrom",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "ClosedUntil",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "ClosureReasonEn",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "ClosureReasonZh",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Stations");
        }
    }
}
