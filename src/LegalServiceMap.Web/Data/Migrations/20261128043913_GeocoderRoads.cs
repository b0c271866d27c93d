using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalServiceMap.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class GeocoderRoads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Roads",
                table: "WalkingNetworks",
                type: "BLOB",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Roads",
                table: "WalkingNetworks");
        }
    }
}
