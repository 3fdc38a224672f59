using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.ServiceDefaults.Tests.Migrations
{
    /// <inheritdoc />
    public partial class Jars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "jars",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    @sealed = table.Column<bool>(name: "sealed", type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jars", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "marbles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    colour = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    picked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    jar_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marbles", x => x.id);
                    table.ForeignKey(
                        name: "fk_marbles_jars_jar_id",
                        column: x => x.jar_id,
                        principalTable: "jars",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_marbles_jar_id",
                table: "marbles",
                column: "jar_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "marbles");

            migrationBuilder.DropTable(
                name: "jars");
        }
    }
}
