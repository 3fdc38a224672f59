using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <inheritdoc />
    public partial class NormsThatHold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "is_priority_area",
                table: "administrative_units");

            migrationBuilder.AddColumn<string>(
                name: "unit",
                table: "support_norms",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "appraisal_completed_on",
                table: "proposals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "approval_priority_area",
                table: "proposals",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "approval_units",
                table: "proposals",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "priority_override",
                table: "proposals",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "priority_override_at",
                table: "proposals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "priority_override_by",
                table: "proposals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "priority_override_reason",
                table: "proposals",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "received_on",
                table: "proposals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "units",
                table: "proposals",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            // Approvals made before units and the priority multiplier were kept counted one unit, in their proposal's area.
            migrationBuilder.Sql("UPDATE proposals SET approval_units = 1, approval_priority_area = is_priority_area WHERE approved_support IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "advance_rates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    share = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    min_progress_percent = table.Column<int>(type: "integer", nullable: true),
                    legal_basis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_advance_rates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "management_cost_norms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    max_share = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_management_cost_norms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "priority_area_statuses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    from_year = table.Column<int>(type: "integer", nullable: false),
                    is_priority_area = table.Column<bool>(type: "boolean", nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_priority_area_statuses", x => x.id);
                    table.ForeignKey(
                        name: "fk_priority_area_statuses_administrative_units_unit_code",
                        column: x => x.unit_code,
                        principalTable: "administrative_units",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposal_estimate_lines",
                columns: table => new
                {
                    position = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    state_support = table.Column<long>(type: "bigint", nullable: false),
                    own_capital = table.Column<long>(type: "bigint", nullable: false),
                    other_sources = table.Column<long>(type: "bigint", nullable: false),
                    is_management_cost = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_estimate_lines", x => new { x.proposal_id, x.position });
                    table.ForeignKey(
                        name: "fk_proposal_estimate_lines_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "advance_rates",
                columns: new[] { "id", "activity", "effective_from", "legal_basis", "min_progress_percent", "share" },
                values: new object[] { new Guid("00000000-0000-7000-8002-000000000001"), null, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 8 khoản 2 điểm b", null, 0.7m });

            migrationBuilder.InsertData(
                table: "management_cost_norms",
                columns: new[] { "id", "effective_from", "legal_basis", "max_share" },
                values: new object[] { new Guid("00000000-0000-7000-8001-000000000001"), new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm s", 0.025m });

            migrationBuilder.InsertData(
                table: "priority_area_statuses",
                columns: new[] { "id", "from_year", "is_priority_area", "legal_basis", "recorded_by", "unit_code" },
                values: new object[,]
                {
                    { new Guid("00000000-0000-7000-8003-000000000001"), 2012, true, "Nghị định 45/2012/NĐ-CP, Điều 6 (địa bàn miền núi, biên giới, hải đảo của tỉnh)", "Dữ liệu khởi tạo", "binh-lieu" },
                    { new Guid("00000000-0000-7000-8003-000000000002"), 2012, true, "Nghị định 45/2012/NĐ-CP, Điều 6 (địa bàn miền núi, biên giới, hải đảo của tỉnh)", "Dữ liệu khởi tạo", "ba-che" },
                    { new Guid("00000000-0000-7000-8003-000000000003"), 2012, true, "Nghị định 45/2012/NĐ-CP, Điều 6 (địa bàn miền núi, biên giới, hải đảo của tỉnh)", "Dữ liệu khởi tạo", "van-don" },
                    { new Guid("00000000-0000-7000-8003-000000000004"), 2012, true, "Nghị định 45/2012/NĐ-CP, Điều 6 (địa bàn miền núi, biên giới, hải đảo của tỉnh)", "Dữ liệu khởi tạo", "co-to" },
                    { new Guid("00000000-0000-7000-8003-000000000005"), 2025, true, "Nghị định 45/2012/NĐ-CP, Điều 6 (địa bàn miền núi, biên giới, hải đảo của tỉnh)", "Dữ liệu khởi tạo", "x-luong-minh" },
                    { new Guid("00000000-0000-7000-8003-000000000006"), 2025, true, "Nghị định 45/2012/NĐ-CP, Điều 6 (địa bàn miền núi, biên giới, hải đảo của tỉnh)", "Dữ liệu khởi tạo", "x-ky-thuong" },
                    { new Guid("00000000-0000-7000-8003-000000000007"), 2025, true, "Nghị định 45/2012/NĐ-CP, Điều 6 (địa bàn miền núi, biên giới, hải đảo của tỉnh)", "Dữ liệu khởi tạo", "x-ba-che" },
                    { new Guid("00000000-0000-7000-8003-000000000008"), 2025, true, "Nghị định 45/2012/NĐ-CP, Điều 6 (địa bàn miền núi, biên giới, hải đảo của tỉnh)", "Dữ liệu khởi tạo", "x-hoanh-mo" },
                    { new Guid("00000000-0000-7000-8003-000000000009"), 2025, true, "Nghị định 45/2012/NĐ-CP, Điều 6 (địa bàn miền núi, biên giới, hải đảo của tỉnh)", "Dữ liệu khởi tạo", "x-luc-hon" },
                    { new Guid("00000000-0000-7000-8003-000000000010"), 2025, true, "Nghị định 45/2012/NĐ-CP, Điều 6 (địa bàn miền núi, biên giới, hải đảo của tỉnh)", "Dữ liệu khởi tạo", "x-binh-lieu" },
                    { new Guid("00000000-0000-7000-8003-000000000011"), 2025, true, "Nghị định 45/2012/NĐ-CP, Điều 6 (địa bàn miền núi, biên giới, hải đảo của tỉnh)", "Dữ liệu khởi tạo", "dk-van-don" },
                    { new Guid("00000000-0000-7000-8003-000000000012"), 2025, true, "Nghị định 45/2012/NĐ-CP, Điều 6 (địa bàn miền núi, biên giới, hải đảo của tỉnh)", "Dữ liệu khởi tạo", "dk-co-to" }
                });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000001"),
                columns: new[] { "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1", 1m, "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000002"),
                columns: new[] { "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { 6, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1", 1m, "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000003"),
                columns: new[] { "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { 8, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1", 1m, "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000004"),
                columns: new[] { "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { 9, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1", 1m, "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000005"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "EnterpriseStartUp", 10000000L, 2, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm a", null, "Enterprise" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000006"),
                columns: new[] { "activity", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "OverseasStudyTourAirfare", 2, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm e", 1m, "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000007"),
                columns: new[] { "activity", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "CapacityTraining", 2, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1", 1m, "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000008"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "DemonstrationModel", 500000000L, 3, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm b", 0.3m, "Model" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000009"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "unit" },
                values: new object[] { "OperatingFacilityModel", 100000000L, 3, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm b", "Model" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000010"),
                columns: new[] { "activity", "cap", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "AdvancedMachinery", 200000000L, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm c", 0.5m, "Facility" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000011"),
                columns: new[] { "activity", "cap", "effective_from", "legal_basis", "unit" },
                values: new object[] { "ProductionLine", 200000000L, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm c", "Facility" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000012"),
                columns: new[] { "activity", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "CleanerProductionPilot", new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1 điểm h", 1m, "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000013"),
                columns: new[] { "activity", "cap", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "ProgrammeFair", null, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm d", 1m, "Fair" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000014"),
                columns: new[] { "activity", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "OtherDomesticFair", new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm d", 0.8m, "Fair" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000015"),
                columns: new[] { "activity", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "OverseasFair", new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm đ", 1m, "Fair" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000016"),
                columns: new[] { "activity", "cap", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "RegionalProductCompetition", 100000000L, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm g", null, "CompetitionRound" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000017"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "NationalProductCompetition", 200000000L, 4, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm g", null, "CompetitionRound" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000018"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "RegionalProductPrize", 5000000L, 4, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm g", null, "Product" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000019"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "NationalProductPrize", 10000000L, 4, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm g", null, "Product" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000020"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "unit" },
                values: new object[] { "BrandBuilding", 35000000L, 4, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm h", "Brand" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000021"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "TradePromotion", null, 4, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1", 1m, "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000022"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "unit" },
                values: new object[] { "Consulting", 35000000L, 5, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm i", "Facility" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000023"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "unit" },
                values: new object[] { "RegionalAssociation", 70000000L, 7, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm l", "Association" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000024"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "NationalAssociation", 100000000L, 7, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm l", 0.3m, "Association" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000025"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "unit" },
                values: new object[] { "BusinessCluster", 150000000L, 7, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm m", "BusinessCluster" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000026"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "RelocationInterest", 500000000L, 7, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm n", 0.5m, "Facility" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000027"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "PollutionTreatment", 300000000L, 7, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm o", 0.3m, "Facility" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000028"),
                columns: new[] { "activity", "cap", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "IndustrialClusterPollutionTreatment", 1500000000L, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm p", 0.3m, "IndustrialCluster" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000029"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "ClusterDetailedPlanning", 500000000L, 7, new DateOnly(2014, 4, 8), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm q", 0.5m, "IndustrialCluster" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000030"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis", "unit" },
                values: new object[] { "ClusterInfrastructure", 3000000000L, 7, new DateOnly(2014, 4, 8), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm r", "IndustrialCluster" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000031"),
                columns: new[] { "activity", "content_group", "effective_from", "funding_source", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "ClusterInvestmentForum", 7, new DateOnly(2014, 4, 8), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1 điểm c", 1m, "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000032"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "DemonstrationModel", 1000000000L, 3, new DateOnly(2018, 5, 15), "National", "Thông tư 28/2018/TT-BTC", 0.3m, "Model" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000033"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis", "unit" },
                values: new object[] { "AdvancedMachinery", 300000000L, 3, new DateOnly(2018, 5, 15), "National", "Thông tư 28/2018/TT-BTC", "Facility" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000034"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "ProductionLine", 450000000L, 3, new DateOnly(2018, 5, 15), "National", "Thông tư 28/2018/TT-BTC", 0.5m, "Facility" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000035"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis", "unit" },
                values: new object[] { "RegionalProductCompetition", 200000000L, 4, new DateOnly(2018, 5, 15), "National", "Thông tư 28/2018/TT-BTC", "CompetitionRound" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000036"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis", "unit" },
                values: new object[] { "NationalProductCompetition", 400000000L, 4, new DateOnly(2018, 5, 15), "National", "Thông tư 28/2018/TT-BTC", "CompetitionRound" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000037"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis", "unit" },
                values: new object[] { "ClusterInfrastructure", 6000000000L, 7, new DateOnly(2018, 5, 15), "National", "Thông tư 28/2018/TT-BTC", "IndustrialCluster" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000038"),
                columns: new[] { "activity", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { null, 1, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1", 1m, "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000039"),
                columns: new[] { "activity", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { null, 6, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1", 1m, "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000040"),
                columns: new[] { "activity", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { null, 8, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1", 1m, "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000041"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { null, null, 9, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1", 1m, "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000042"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "EnterpriseStartUp", 10000000L, 2, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm a", null, "Enterprise" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000043"),
                columns: new[] { "activity", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "OverseasStudyTourAirfare", 2, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm e", 1m, "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000044"),
                columns: new[] { "activity", "content_group", "effective_from", "legal_basis", "unit" },
                values: new object[] { "CapacityTraining", 2, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1", "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000045"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "DemonstrationModel", 500000000L, 3, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm b", 0.3m, "Model" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000046"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "OperatingFacilityModel", 100000000L, 3, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm b", null, "Model" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000047"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "AdvancedMachinery", 200000000L, 3, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm c", 0.5m, "Facility" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000048"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "unit" },
                values: new object[] { "ProductionLine", 200000000L, 3, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm c", "Facility" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000049"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "CleanerProductionPilot", null, 3, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1 điểm h", 1m, "Proposal" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000050"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "ProgrammeFair", null, 4, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm d", 1m, "Fair" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000051"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "OtherDomesticFair", null, 4, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm d", 0.8m, "Fair" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000052"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "OverseasFair", null, 4, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm đ", 1m, "Fair" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000053"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost", "unit" },
                values: new object[] { "RegionalProductCompetition", 100000000L, 4, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm g", null, "CompetitionRound" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000054"),
                columns: new[] { "activity", "effective_from", "legal_basis", "unit" },
                values: new object[] { "NationalProductCompetition", new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm g", "CompetitionRound" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000055"),
                columns: new[] { "activity", "cap", "effective_from", "legal_basis", "unit" },
                values: new object[] { "RegionalProductPrize", 5000000L, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm g", "Product" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000056"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "unit" },
                values: new object[] { "NationalProductPrize", 10000000L, 4, new DateOnly(2014, 4, 8), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm g", "Product" });

            migrationBuilder.InsertData(
                table: "support_norms",
                columns: new[] { "id", "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis", "priority_multiplier", "share_of_cost", "unit" },
                values: new object[,]
                {
                    { new Guid("00000000-0000-7000-8000-000000000057"), "BrandBuilding", 35000000L, 4, new DateOnly(2014, 4, 8), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm h", 1.5m, 0.5m, "Brand" },
                    { new Guid("00000000-0000-7000-8000-000000000058"), "TradePromotion", null, 4, new DateOnly(2014, 4, 8), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1", 1.5m, 1m, "Proposal" },
                    { new Guid("00000000-0000-7000-8000-000000000059"), "Consulting", 35000000L, 5, new DateOnly(2014, 4, 8), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm i", 1.5m, 0.5m, "Facility" },
                    { new Guid("00000000-0000-7000-8000-000000000060"), "RegionalAssociation", 70000000L, 7, new DateOnly(2014, 4, 8), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm l", 1.5m, 0.3m, "Association" },
                    { new Guid("00000000-0000-7000-8000-000000000061"), "NationalAssociation", 100000000L, 7, new DateOnly(2014, 4, 8), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm l", 1.5m, 0.3m, "Association" },
                    { new Guid("00000000-0000-7000-8000-000000000062"), "BusinessCluster", 150000000L, 7, new DateOnly(2014, 4, 8), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm m", 1.5m, 0.5m, "BusinessCluster" },
                    { new Guid("00000000-0000-7000-8000-000000000063"), "RelocationInterest", 500000000L, 7, new DateOnly(2014, 4, 8), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm n", 1.5m, 0.5m, "Facility" },
                    { new Guid("00000000-0000-7000-8000-000000000064"), "PollutionTreatment", 300000000L, 7, new DateOnly(2014, 4, 8), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm o", 1.5m, 0.3m, "Facility" },
                    { new Guid("00000000-0000-7000-8000-000000000065"), "IndustrialClusterPollutionTreatment", 1500000000L, 7, new DateOnly(2014, 4, 8), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm p", 1.5m, 0.3m, "IndustrialCluster" },
                    { new Guid("00000000-0000-7000-8000-000000000066"), "ClusterDetailedPlanning", 500000000L, 7, new DateOnly(2014, 4, 8), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm q", 1.5m, 0.5m, "IndustrialCluster" },
                    { new Guid("00000000-0000-7000-8000-000000000067"), "ClusterInfrastructure", 3000000000L, 7, new DateOnly(2014, 4, 8), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm r", 1.5m, null, "IndustrialCluster" },
                    { new Guid("00000000-0000-7000-8000-000000000068"), "ClusterInvestmentForum", null, 7, new DateOnly(2014, 4, 8), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1 điểm c", 1.5m, 1m, "Proposal" },
                    { new Guid("00000000-0000-7000-8000-000000000069"), "DemonstrationModel", 1000000000L, 3, new DateOnly(2018, 5, 15), "Local", "Thông tư 28/2018/TT-BTC", 1.5m, 0.3m, "Model" },
                    { new Guid("00000000-0000-7000-8000-000000000070"), "AdvancedMachinery", 300000000L, 3, new DateOnly(2018, 5, 15), "Local", "Thông tư 28/2018/TT-BTC", 1.5m, 0.5m, "Facility" },
                    { new Guid("00000000-0000-7000-8000-000000000071"), "ProductionLine", 450000000L, 3, new DateOnly(2018, 5, 15), "Local", "Thông tư 28/2018/TT-BTC", 1.5m, 0.5m, "Facility" },
                    { new Guid("00000000-0000-7000-8000-000000000072"), "RegionalProductCompetition", 200000000L, 4, new DateOnly(2018, 5, 15), "Local", "Thông tư 28/2018/TT-BTC", 1.5m, null, "CompetitionRound" },
                    { new Guid("00000000-0000-7000-8000-000000000073"), "NationalProductCompetition", 400000000L, 4, new DateOnly(2018, 5, 15), "Local", "Thông tư 28/2018/TT-BTC", 1.5m, null, "CompetitionRound" },
                    { new Guid("00000000-0000-7000-8000-000000000074"), "ClusterInfrastructure", 6000000000L, 7, new DateOnly(2018, 5, 15), "Local", "Thông tư 28/2018/TT-BTC", 1.5m, null, "IndustrialCluster" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_advance_rates_activity_effective_from",
                table: "advance_rates",
                columns: new[] { "activity", "effective_from" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_management_cost_norms_effective_from",
                table: "management_cost_norms",
                column: "effective_from",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_priority_area_statuses_unit_code_from_year",
                table: "priority_area_statuses",
                columns: new[] { "unit_code", "from_year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "advance_rates");

            migrationBuilder.DropTable(
                name: "management_cost_norms");

            migrationBuilder.DropTable(
                name: "priority_area_statuses");

            migrationBuilder.DropTable(
                name: "proposal_estimate_lines");

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000057"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000058"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000059"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000060"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000061"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000062"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000063"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000064"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000065"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000066"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000067"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000068"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000069"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000070"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000071"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000072"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000073"));

            migrationBuilder.DeleteData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000074"));

            migrationBuilder.DropColumn(
                name: "unit",
                table: "support_norms");

            migrationBuilder.DropColumn(
                name: "appraisal_completed_on",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "approval_priority_area",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "approval_units",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "priority_override",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "priority_override_at",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "priority_override_by",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "priority_override_reason",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "received_on",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "units",
                table: "proposals");

            migrationBuilder.AddColumn<bool>(
                name: "is_priority_area",
                table: "administrative_units",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "ba-che",
                column: "is_priority_area",
                value: true);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "binh-lieu",
                column: "is_priority_area",
                value: true);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "cam-pha",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "co-to",
                column: "is_priority_area",
                value: true);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "dam-ha",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "dk-co-to",
                column: "is_priority_area",
                value: true);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "dk-van-don",
                column: "is_priority_area",
                value: true);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "dong-trieu",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "ha-long",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "hai-ha",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "mong-cai",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-an-sinh",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-bai-chay",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-binh-khe",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-cam-pha",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-cao-xanh",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-cua-ong",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-dong-mai",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-dong-trieu",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-ha-an",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-ha-lam",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-ha-long",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-ha-tu",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-hiep-hoa",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-hoang-que",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-hoanh-bo",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-hong-gai",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-lien-hoa",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-mao-khe",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-mong-cai-1",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-mong-cai-2",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-mong-cai-3",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-mong-duong",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-phong-coc",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-quang-hanh",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-quang-yen",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-tuan-chau",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-uong-bi",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-vang-danh",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-viet-hung",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "p-yen-tu",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "quang-yen",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "tien-yen",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "uong-bi",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "van-don",
                column: "is_priority_area",
                value: true);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-ba-che",
                column: "is_priority_area",
                value: true);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-binh-lieu",
                column: "is_priority_area",
                value: true);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-cai-chien",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-dam-ha",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-dien-xa",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-dong-ngu",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-duong-hoa",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-hai-hoa",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-hai-lang",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-hai-ninh",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-hai-son",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-hoanh-mo",
                column: "is_priority_area",
                value: true);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-ky-thuong",
                column: "is_priority_area",
                value: true);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-luc-hon",
                column: "is_priority_area",
                value: true);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-luong-minh",
                column: "is_priority_area",
                value: true);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-quang-duc",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-quang-ha",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-quang-la",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-quang-tan",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-thong-nhat",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-tien-yen",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "administrative_units",
                keyColumn: "code",
                keyValue: "x-vinh-thuc",
                column: "is_priority_area",
                value: false);

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000001"),
                columns: new[] { "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", null });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000002"),
                columns: new[] { "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { 2, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", null });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000003"),
                columns: new[] { "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { 3, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", null });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000004"),
                columns: new[] { "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { 4, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", null });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000005"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { null, 35000000L, 5, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.5m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000006"),
                columns: new[] { "activity", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { null, 6, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", null });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000007"),
                columns: new[] { "activity", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { null, 7, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", null });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000008"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { null, null, 8, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", null });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000009"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis" },
                values: new object[] { null, null, 9, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000010"),
                columns: new[] { "activity", "cap", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "DemonstrationModel", null, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.3m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000011"),
                columns: new[] { "activity", "cap", "effective_from", "legal_basis" },
                values: new object[] { "AdvancedMachinery", null, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000012"),
                columns: new[] { "activity", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "ProductionLine", new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.5m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000013"),
                columns: new[] { "activity", "cap", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "BrandBuilding", 35000000L, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.5m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000014"),
                columns: new[] { "activity", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "ProgrammeFair", new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000015"),
                columns: new[] { "activity", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "OtherDomesticFair", new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.8m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000016"),
                columns: new[] { "activity", "cap", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "OverseasFair", null, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000017"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "Consulting", 35000000L, 5, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.5m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000018"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "RegionalAssociation", 70000000L, 7, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.3m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000019"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "NationalAssociation", 100000000L, 7, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.3m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000020"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis" },
                values: new object[] { "BusinessCluster", 150000000L, 7, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000021"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "PollutionTreatment", 300000000L, 7, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.3m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000022"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis" },
                values: new object[] { "RelocationInterest", 500000000L, 7, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000023"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis" },
                values: new object[] { "DemonstrationModel", 1000000000L, 3, new DateOnly(2018, 5, 15), "Thông tư 28/2018/TT-BTC" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000024"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "AdvancedMachinery", 300000000L, 3, new DateOnly(2018, 5, 15), "Thông tư 28/2018/TT-BTC", 0.5m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000025"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis" },
                values: new object[] { "ProductionLine", 450000000L, 3, new DateOnly(2018, 5, 15), "Thông tư 28/2018/TT-BTC" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000026"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "RegionalProductCompetition", 200000000L, 4, new DateOnly(2018, 5, 15), "Thông tư 28/2018/TT-BTC", null });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000027"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "NationalProductCompetition", 400000000L, 4, new DateOnly(2018, 5, 15), "Thông tư 28/2018/TT-BTC", null });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000028"),
                columns: new[] { "activity", "cap", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "ClusterInfrastructure", 6000000000L, new DateOnly(2018, 5, 15), "Thông tư 28/2018/TT-BTC", null });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000029"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis", "share_of_cost" },
                values: new object[] { null, null, 1, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", null });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000030"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis" },
                values: new object[] { null, null, 2, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000031"),
                columns: new[] { "activity", "content_group", "effective_from", "funding_source", "legal_basis", "share_of_cost" },
                values: new object[] { null, 3, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", null });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000032"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis", "share_of_cost" },
                values: new object[] { null, null, 4, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", null });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000033"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis" },
                values: new object[] { null, 35000000L, 5, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000034"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis", "share_of_cost" },
                values: new object[] { null, null, 6, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", null });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000035"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis" },
                values: new object[] { null, null, 7, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000036"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis" },
                values: new object[] { null, null, 8, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000037"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis" },
                values: new object[] { null, null, 9, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000038"),
                columns: new[] { "activity", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "DemonstrationModel", 3, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.3m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000039"),
                columns: new[] { "activity", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "AdvancedMachinery", 3, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.5m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000040"),
                columns: new[] { "activity", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "ProductionLine", 3, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.5m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000041"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "BrandBuilding", 35000000L, 4, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.5m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000042"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "ProgrammeFair", null, 4, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000043"),
                columns: new[] { "activity", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "OtherDomesticFair", 4, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.8m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000044"),
                columns: new[] { "activity", "content_group", "effective_from", "legal_basis" },
                values: new object[] { "OverseasFair", 4, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000045"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "Consulting", 35000000L, 5, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.5m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000046"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "RegionalAssociation", 70000000L, 7, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.3m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000047"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "NationalAssociation", 100000000L, 7, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.3m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000048"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis" },
                values: new object[] { "BusinessCluster", 150000000L, 7, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000049"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "PollutionTreatment", 300000000L, 7, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.3m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000050"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "RelocationInterest", 500000000L, 7, new DateOnly(2014, 4, 5), "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 0.5m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000051"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "DemonstrationModel", 1000000000L, 3, new DateOnly(2018, 5, 15), "Thông tư 28/2018/TT-BTC", 0.3m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000052"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "AdvancedMachinery", 300000000L, 3, new DateOnly(2018, 5, 15), "Thông tư 28/2018/TT-BTC", 0.5m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000053"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis", "share_of_cost" },
                values: new object[] { "ProductionLine", 450000000L, 3, new DateOnly(2018, 5, 15), "Thông tư 28/2018/TT-BTC", 0.5m });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000054"),
                columns: new[] { "activity", "effective_from", "legal_basis" },
                values: new object[] { "RegionalProductCompetition", new DateOnly(2018, 5, 15), "Thông tư 28/2018/TT-BTC" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000055"),
                columns: new[] { "activity", "cap", "effective_from", "legal_basis" },
                values: new object[] { "NationalProductCompetition", 400000000L, new DateOnly(2018, 5, 15), "Thông tư 28/2018/TT-BTC" });

            migrationBuilder.UpdateData(
                table: "support_norms",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000056"),
                columns: new[] { "activity", "cap", "content_group", "effective_from", "legal_basis" },
                values: new object[] { "ClusterInfrastructure", 6000000000L, 7, new DateOnly(2018, 5, 15), "Thông tư 28/2018/TT-BTC" });
        }
    }
}
