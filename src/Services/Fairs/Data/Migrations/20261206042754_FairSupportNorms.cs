using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace KhuyenCong.Fairs.Data.Migrations
{
    /// <inheritdoc />
    public partial class FairSupportNorms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "rent_share_cap_effective_from",
                table: "fairs",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rent_share_cap_legal_basis",
                table: "fairs",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "rent_share_cap_percent",
                table: "fairs",
                type: "numeric(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "fair_support_norms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    max_rent_share_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fair_support_norms", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "fair_support_norms",
                columns: new[] { "id", "created_at", "created_by", "effective_from", "kind", "legal_basis", "max_rent_share_percent" },
                values: new object[,]
                {
                    { new Guid("0193a6a0-0000-7000-8000-000000000001"), new DateTimeOffset(new DateTime(2014, 4, 8, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 7, 0, 0, 0)), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", new DateOnly(2014, 4, 8), "DomesticProgramme", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm d", 100m },
                    { new Guid("0193a6a0-0000-7000-8000-000000000002"), new DateTimeOffset(new DateTime(2014, 4, 8, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 7, 0, 0, 0)), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", new DateOnly(2014, 4, 8), "OtherDomestic", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm d", 80m },
                    { new Guid("0193a6a0-0000-7000-8000-000000000003"), new DateTimeOffset(new DateTime(2014, 4, 8, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 7, 0, 0, 0)), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", new DateOnly(2014, 4, 8), "Overseas", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm đ", 100m }
                });

            migrationBuilder.CreateIndex(
                name: "ix_fair_support_norms_kind_effective_from",
                table: "fair_support_norms",
                columns: new[] { "kind", "effective_from" },
                unique: true);

            // Fairs written before the table keep the cap of the norm in force on their start date, where their share is within it.
            migrationBuilder.Sql("""
                UPDATE fairs f SET rent_share_cap_percent = n.max_rent_share_percent, rent_share_cap_effective_from = n.effective_from,
                    rent_share_cap_legal_basis = n.legal_basis
                FROM fair_support_norms n
                WHERE n.kind = f.kind AND n.effective_from <= f.start_date AND f.rent_share_percent <= n.max_rent_share_percent
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fair_support_norms");

            migrationBuilder.DropColumn(
                name: "rent_share_cap_effective_from",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "rent_share_cap_legal_basis",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "rent_share_cap_percent",
                table: "fairs");
        }
    }
}
