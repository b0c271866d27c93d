using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalServiceMap.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Settings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Stations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AddressZh = table.Column<string>(type: "TEXT", nullable: true),
                    AddressEn = table.Column<string>(type: "TEXT", nullable: true),
                    Street = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Hours = table.Column<string>(type: "TEXT", nullable: false),
                    HoursNoteZh = table.Column<string>(type: "TEXT", nullable: true),
                    HoursNoteEn = table.Column<string>(type: "TEXT", nullable: true),
                    ServicesZh = table.Column<string>(type: "TEXT", nullable: false),
                    ServicesEn = table.Column<string>(type: "TEXT", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    AccessibilityZh = table.Column<string>(type: "TEXT", nullable: true),
                    AccessibilityEn = table.Column<string>(type: "TEXT", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    LocationTier = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LocationNoteZh = table.Column<string>(type: "TEXT", nullable: true),
                    LocationNoteEn = table.Column<string>(type: "TEXT", nullable: true),
                    Sources = table.Column<string>(type: "TEXT", nullable: false),
                    NoteZh = table.Column<string>(type: "TEXT", nullable: true),
                    NoteEn = table.Column<string>(type: "TEXT", nullable: true),
                    LastVerified = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SeedVersion = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Stations_Street",
                table: "Stations",
                column: "Street");

            migrationBuilder.CreateIndex(
                name: "IX_Stations_Type",
                table: "Stations",
                column: "Type");

            // Full-text search over names and addresses in both languages (see StationSearchIndex).
            migrationBuilder.Sql("CREATE VIRTUAL TABLE StationSearch USING fts5(Id UNINDEXED, Text, tokenize = 'trigram');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS StationSearch;");

            migrationBuilder.DropTable(
                name: "Settings");

            migrationBuilder.DropTable(
                name: "Stations");
        }
    }
}
