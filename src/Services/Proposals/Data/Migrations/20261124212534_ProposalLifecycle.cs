using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProposalLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "establishment_tax_code",
                table: "proposals");

            migrationBuilder.AddColumn<DateOnly>(
                name: "accepted_on",
                table: "proposals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "activity",
                table: "proposals",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "actual_other_sources",
                table: "proposals",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "actual_own_capital",
                table: "proposals",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "actual_support_used",
                table: "proposals",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "actual_total_spend",
                table: "proposals",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "administrative_unit_code",
                table: "proposals",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "appraisal_score",
                table: "proposals",
                type: "numeric(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "average_wage",
                table: "proposals",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "balance_due",
                table: "proposals",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cancellation_reason",
                table: "proposals",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contract_number",
                table: "proposals",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "contract_signed_on",
                table: "proposals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "expected_average_wage",
                table: "proposals",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "expected_jobs",
                table: "proposals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "implementing_unit",
                table: "proposals",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "is_late",
                table: "proposals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_priority_area",
                table: "proposals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "jobs_created",
                table: "proposals",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "location",
                table: "proposals",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "norm_id",
                table: "proposals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "objectives",
                table: "proposals",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "outputs",
                table: "proposals",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "pilot_end_year",
                table: "proposals",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "pilot_start_year",
                table: "proposals",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "refund_due",
                table: "proposals",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sector",
                table: "proposals",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "settled_on",
                table: "proposals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "settled_support",
                table: "proposals",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "settlement_late",
                table: "proposals",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "support_limit",
                table: "proposals",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "administrative_units",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    former_district_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    is_priority_area = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_administrative_units", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "appraisals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    pass_threshold = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    average_score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    recommendation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appraisals", x => x.id);
                    table.ForeignKey(
                        name: "fk_appraisals_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "establishments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sector = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    administrative_unit_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_priority_area = table.Column<bool>(type: "boolean", nullable: false),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    representative = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    employees = table.Column<int>(type: "integer", nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_establishments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "follow_ups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    months_after_acceptance = table.Column<int>(type: "integer", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    evaluated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    revenue = table.Column<long>(type: "bigint", nullable: true),
                    jobs = table.Column<int>(type: "integer", nullable: true),
                    average_wage = table.Column<long>(type: "bigint", nullable: true),
                    equipment_in_use = table.Column<bool>(type: "boolean", nullable: true),
                    rating = table.Column<int>(type: "integer", nullable: true),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    marked_overdue_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_ups", x => x.id);
                    table.ForeignKey(
                        name: "fk_follow_ups_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposal_beneficiaries",
                columns: table => new
                {
                    position = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    establishment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_beneficiaries", x => new { x.proposal_id, x.position });
                    table.ForeignKey(
                        name: "fk_proposal_beneficiaries_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposal_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_payments", x => x.id);
                    table.ForeignKey(
                        name: "fk_proposal_payments_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposal_transitions",
                columns: table => new
                {
                    sequence = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    to = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_transitions", x => new { x.proposal_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_proposal_transitions_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_norms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    funding_source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    content_group = table.Column<int>(type: "integer", nullable: false),
                    activity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    share_of_cost = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: true),
                    cap = table.Column<long>(type: "bigint", nullable: true),
                    priority_multiplier = table.Column<decimal>(type: "numeric(3,2)", precision: 3, scale: 2, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_norms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "appraisal_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    fit_with_rules = table.Column<int>(type: "integer", nullable: true),
                    objectives_and_efficiency = table.Column<int>(type: "integer", nullable: true),
                    budget_reasonableness = table.Column<int>(type: "integer", nullable: true),
                    unit_capacity = table.Column<int>(type: "integer", nullable: true),
                    combination_with_other_programmes = table.Column<int>(type: "integer", nullable: true),
                    dossier_completeness = table.Column<int>(type: "integer", nullable: true),
                    scored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    appraisal_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appraisal_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_appraisal_members_appraisals_appraisal_id",
                        column: x => x.appraisal_id,
                        principalTable: "appraisals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "administrative_units",
                columns: new[] { "code", "former_district_code", "is_priority_area", "kind", "name", "valid_from", "valid_to" },
                values: new object[,]
                {
                    { "ba-che", null, true, "District", "Ba Chẽ", null, new DateOnly(2025, 6, 30) },
                    { "binh-lieu", null, true, "District", "Bình Liêu", null, new DateOnly(2025, 6, 30) },
                    { "cam-pha", null, false, "City", "Cẩm Phả", null, new DateOnly(2025, 6, 30) },
                    { "co-to", null, true, "District", "Cô Tô", null, new DateOnly(2025, 6, 30) },
                    { "dam-ha", null, false, "District", "Đầm Hà", null, new DateOnly(2025, 6, 30) },
                    { "dk-co-to", "co-to", true, "SpecialZone", "Cô Tô", new DateOnly(2025, 7, 1), null },
                    { "dk-van-don", "van-don", true, "SpecialZone", "Vân Đồn", new DateOnly(2025, 7, 1), null },
                    { "dong-trieu", null, false, "City", "Đông Triều", null, new DateOnly(2025, 6, 30) },
                    { "ha-long", null, false, "City", "Hạ Long", null, new DateOnly(2025, 6, 30) },
                    { "hai-ha", null, false, "District", "Hải Hà", null, new DateOnly(2025, 6, 30) },
                    { "mong-cai", null, false, "City", "Móng Cái", null, new DateOnly(2025, 6, 30) },
                    { "p-an-sinh", "dong-trieu", false, "Ward", "An Sinh", new DateOnly(2025, 7, 1), null },
                    { "p-bai-chay", "ha-long", false, "Ward", "Bãi Cháy", new DateOnly(2025, 7, 1), null },
                    { "p-binh-khe", "dong-trieu", false, "Ward", "Bình Khê", new DateOnly(2025, 7, 1), null },
                    { "p-cam-pha", "cam-pha", false, "Ward", "Cẩm Phả", new DateOnly(2025, 7, 1), null },
                    { "p-cao-xanh", "ha-long", false, "Ward", "Cao Xanh", new DateOnly(2025, 7, 1), null },
                    { "p-cua-ong", "cam-pha", false, "Ward", "Cửa Ông", new DateOnly(2025, 7, 1), null },
                    { "p-dong-mai", "quang-yen", false, "Ward", "Đông Mai", new DateOnly(2025, 7, 1), null },
                    { "p-dong-trieu", "dong-trieu", false, "Ward", "Đông Triều", new DateOnly(2025, 7, 1), null },
                    { "p-ha-an", "quang-yen", false, "Ward", "Hà An", new DateOnly(2025, 7, 1), null },
                    { "p-ha-lam", "ha-long", false, "Ward", "Hà Lầm", new DateOnly(2025, 7, 1), null },
                    { "p-ha-long", "ha-long", false, "Ward", "Hạ Long", new DateOnly(2025, 7, 1), null },
                    { "p-ha-tu", "ha-long", false, "Ward", "Hà Tu", new DateOnly(2025, 7, 1), null },
                    { "p-hiep-hoa", "quang-yen", false, "Ward", "Hiệp Hòa", new DateOnly(2025, 7, 1), null },
                    { "p-hoang-que", "dong-trieu", false, "Ward", "Hoàng Quế", new DateOnly(2025, 7, 1), null },
                    { "p-hoanh-bo", "ha-long", false, "Ward", "Hoành Bồ", new DateOnly(2025, 7, 1), null },
                    { "p-hong-gai", "ha-long", false, "Ward", "Hồng Gai", new DateOnly(2025, 7, 1), null },
                    { "p-lien-hoa", "quang-yen", false, "Ward", "Liên Hòa", new DateOnly(2025, 7, 1), null },
                    { "p-mao-khe", "dong-trieu", false, "Ward", "Mạo Khê", new DateOnly(2025, 7, 1), null },
                    { "p-mong-cai-1", "mong-cai", false, "Ward", "Móng Cái 1", new DateOnly(2025, 7, 1), null },
                    { "p-mong-cai-2", "mong-cai", false, "Ward", "Móng Cái 2", new DateOnly(2025, 7, 1), null },
                    { "p-mong-cai-3", "mong-cai", false, "Ward", "Móng Cái 3", new DateOnly(2025, 7, 1), null },
                    { "p-mong-duong", "cam-pha", false, "Ward", "Mông Dương", new DateOnly(2025, 7, 1), null },
                    { "p-phong-coc", "quang-yen", false, "Ward", "Phong Cốc", new DateOnly(2025, 7, 1), null },
                    { "p-quang-hanh", "cam-pha", false, "Ward", "Quang Hanh", new DateOnly(2025, 7, 1), null },
                    { "p-quang-yen", "quang-yen", false, "Ward", "Quảng Yên", new DateOnly(2025, 7, 1), null },
                    { "p-tuan-chau", "ha-long", false, "Ward", "Tuần Châu", new DateOnly(2025, 7, 1), null },
                    { "p-uong-bi", "uong-bi", false, "Ward", "Uông Bí", new DateOnly(2025, 7, 1), null },
                    { "p-vang-danh", "uong-bi", false, "Ward", "Vàng Danh", new DateOnly(2025, 7, 1), null },
                    { "p-viet-hung", "ha-long", false, "Ward", "Việt Hưng", new DateOnly(2025, 7, 1), null },
                    { "p-yen-tu", "uong-bi", false, "Ward", "Yên Tử", new DateOnly(2025, 7, 1), null },
                    { "quang-yen", null, false, "Town", "Quảng Yên", null, new DateOnly(2025, 6, 30) },
                    { "tien-yen", null, false, "District", "Tiên Yên", null, new DateOnly(2025, 6, 30) },
                    { "uong-bi", null, false, "City", "Uông Bí", null, new DateOnly(2025, 6, 30) },
                    { "van-don", null, true, "District", "Vân Đồn", null, new DateOnly(2025, 6, 30) },
                    { "x-ba-che", "ba-che", true, "Commune", "Ba Chẽ", new DateOnly(2025, 7, 1), null },
                    { "x-binh-lieu", "binh-lieu", true, "Commune", "Bình Liêu", new DateOnly(2025, 7, 1), null },
                    { "x-cai-chien", "hai-ha", false, "Commune", "Cái Chiên", new DateOnly(2025, 7, 1), null },
                    { "x-dam-ha", "dam-ha", false, "Commune", "Đầm Hà", new DateOnly(2025, 7, 1), null },
                    { "x-dien-xa", "tien-yen", false, "Commune", "Điền Xá", new DateOnly(2025, 7, 1), null },
                    { "x-dong-ngu", "tien-yen", false, "Commune", "Đông Ngũ", new DateOnly(2025, 7, 1), null },
                    { "x-duong-hoa", "hai-ha", false, "Commune", "Đường Hoa", new DateOnly(2025, 7, 1), null },
                    { "x-hai-hoa", "cam-pha", false, "Commune", "Hải Hòa", new DateOnly(2025, 7, 1), null },
                    { "x-hai-lang", "tien-yen", false, "Commune", "Hải Lạng", new DateOnly(2025, 7, 1), null },
                    { "x-hai-ninh", "mong-cai", false, "Commune", "Hải Ninh", new DateOnly(2025, 7, 1), null },
                    { "x-hai-son", "mong-cai", false, "Commune", "Hải Sơn", new DateOnly(2025, 7, 1), null },
                    { "x-hoanh-mo", "binh-lieu", true, "Commune", "Hoành Mô", new DateOnly(2025, 7, 1), null },
                    { "x-ky-thuong", "ba-che", true, "Commune", "Kỳ Thượng", new DateOnly(2025, 7, 1), null },
                    { "x-luc-hon", "binh-lieu", true, "Commune", "Lục Hồn", new DateOnly(2025, 7, 1), null },
                    { "x-luong-minh", "ba-che", true, "Commune", "Lương Minh", new DateOnly(2025, 7, 1), null },
                    { "x-quang-duc", "hai-ha", false, "Commune", "Quảng Đức", new DateOnly(2025, 7, 1), null },
                    { "x-quang-ha", "hai-ha", false, "Commune", "Quảng Hà", new DateOnly(2025, 7, 1), null },
                    { "x-quang-la", "ha-long", false, "Commune", "Quảng La", new DateOnly(2025, 7, 1), null },
                    { "x-quang-tan", "dam-ha", false, "Commune", "Quảng Tân", new DateOnly(2025, 7, 1), null },
                    { "x-thong-nhat", "ha-long", false, "Commune", "Thống Nhất", new DateOnly(2025, 7, 1), null },
                    { "x-tien-yen", "tien-yen", false, "Commune", "Tiên Yên", new DateOnly(2025, 7, 1), null },
                    { "x-vinh-thuc", "mong-cai", false, "Commune", "Vĩnh Thực", new DateOnly(2025, 7, 1), null }
                });

            migrationBuilder.InsertData(
                table: "support_norms",
                columns: new[] { "id", "activity", "cap", "content_group", "effective_from", "funding_source", "legal_basis", "priority_multiplier", "share_of_cost" },
                values: new object[,]
                {
                    { new Guid("00000000-0000-7000-8000-000000000001"), null, null, 1, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000002"), null, null, 2, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000003"), null, null, 3, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000004"), null, null, 4, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000005"), null, 35000000L, 5, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000006"), null, null, 6, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000007"), null, null, 7, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000008"), null, null, 8, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000009"), null, null, 9, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000010"), "DemonstrationModel", null, 3, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.3m },
                    { new Guid("00000000-0000-7000-8000-000000000011"), "AdvancedMachinery", null, 3, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000012"), "ProductionLine", null, 3, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000013"), "BrandBuilding", 35000000L, 4, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000014"), "ProgrammeFair", null, 4, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 1m },
                    { new Guid("00000000-0000-7000-8000-000000000015"), "OtherDomesticFair", null, 4, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.8m },
                    { new Guid("00000000-0000-7000-8000-000000000016"), "OverseasFair", null, 4, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 1m },
                    { new Guid("00000000-0000-7000-8000-000000000017"), "Consulting", 35000000L, 5, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000018"), "RegionalAssociation", 70000000L, 7, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.3m },
                    { new Guid("00000000-0000-7000-8000-000000000019"), "NationalAssociation", 100000000L, 7, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.3m },
                    { new Guid("00000000-0000-7000-8000-000000000020"), "BusinessCluster", 150000000L, 7, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000021"), "PollutionTreatment", 300000000L, 7, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.3m },
                    { new Guid("00000000-0000-7000-8000-000000000022"), "RelocationInterest", 500000000L, 7, new DateOnly(2014, 4, 5), "National", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000023"), "DemonstrationModel", 1000000000L, 3, new DateOnly(2018, 5, 15), "National", "Thông tư 28/2018/TT-BTC", 1.5m, 0.3m },
                    { new Guid("00000000-0000-7000-8000-000000000024"), "AdvancedMachinery", 300000000L, 3, new DateOnly(2018, 5, 15), "National", "Thông tư 28/2018/TT-BTC", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000025"), "ProductionLine", 450000000L, 3, new DateOnly(2018, 5, 15), "National", "Thông tư 28/2018/TT-BTC", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000026"), "RegionalProductCompetition", 200000000L, 4, new DateOnly(2018, 5, 15), "National", "Thông tư 28/2018/TT-BTC", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000027"), "NationalProductCompetition", 400000000L, 4, new DateOnly(2018, 5, 15), "National", "Thông tư 28/2018/TT-BTC", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000028"), "ClusterInfrastructure", 6000000000L, 7, new DateOnly(2018, 5, 15), "National", "Thông tư 28/2018/TT-BTC", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000029"), null, null, 1, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000030"), null, null, 2, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000031"), null, null, 3, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000032"), null, null, 4, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000033"), null, 35000000L, 5, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000034"), null, null, 6, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000035"), null, null, 7, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000036"), null, null, 8, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000037"), null, null, 9, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000038"), "DemonstrationModel", null, 3, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.3m },
                    { new Guid("00000000-0000-7000-8000-000000000039"), "AdvancedMachinery", null, 3, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000040"), "ProductionLine", null, 3, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000041"), "BrandBuilding", 35000000L, 4, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000042"), "ProgrammeFair", null, 4, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 1m },
                    { new Guid("00000000-0000-7000-8000-000000000043"), "OtherDomesticFair", null, 4, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.8m },
                    { new Guid("00000000-0000-7000-8000-000000000044"), "OverseasFair", null, 4, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 1m },
                    { new Guid("00000000-0000-7000-8000-000000000045"), "Consulting", 35000000L, 5, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000046"), "RegionalAssociation", 70000000L, 7, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.3m },
                    { new Guid("00000000-0000-7000-8000-000000000047"), "NationalAssociation", 100000000L, 7, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.3m },
                    { new Guid("00000000-0000-7000-8000-000000000048"), "BusinessCluster", 150000000L, 7, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000049"), "PollutionTreatment", 300000000L, 7, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.3m },
                    { new Guid("00000000-0000-7000-8000-000000000050"), "RelocationInterest", 500000000L, 7, new DateOnly(2014, 4, 5), "Local", "Thông tư liên tịch 26/2014/TTLT-BTC-BCT", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000051"), "DemonstrationModel", 1000000000L, 3, new DateOnly(2018, 5, 15), "Local", "Thông tư 28/2018/TT-BTC", 1.5m, 0.3m },
                    { new Guid("00000000-0000-7000-8000-000000000052"), "AdvancedMachinery", 300000000L, 3, new DateOnly(2018, 5, 15), "Local", "Thông tư 28/2018/TT-BTC", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000053"), "ProductionLine", 450000000L, 3, new DateOnly(2018, 5, 15), "Local", "Thông tư 28/2018/TT-BTC", 1.5m, 0.5m },
                    { new Guid("00000000-0000-7000-8000-000000000054"), "RegionalProductCompetition", 200000000L, 4, new DateOnly(2018, 5, 15), "Local", "Thông tư 28/2018/TT-BTC", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000055"), "NationalProductCompetition", 400000000L, 4, new DateOnly(2018, 5, 15), "Local", "Thông tư 28/2018/TT-BTC", 1.5m, null },
                    { new Guid("00000000-0000-7000-8000-000000000056"), "ClusterInfrastructure", 6000000000L, 7, new DateOnly(2018, 5, 15), "Local", "Thông tư 28/2018/TT-BTC", 1.5m, null }
                });

            migrationBuilder.CreateIndex(
                name: "ix_proposals_district",
                table: "proposals",
                column: "district");

            migrationBuilder.CreateIndex(
                name: "ix_appraisal_members_appraisal_id",
                table: "appraisal_members",
                column: "appraisal_id");

            migrationBuilder.CreateIndex(
                name: "ix_appraisals_proposal_id",
                table: "appraisals",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_establishments_administrative_unit_code",
                table: "establishments",
                column: "administrative_unit_code");

            migrationBuilder.CreateIndex(
                name: "ix_establishments_district",
                table: "establishments",
                column: "district");

            migrationBuilder.CreateIndex(
                name: "ix_establishments_name",
                table: "establishments",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_establishments_tax_code",
                table: "establishments",
                column: "tax_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_proposal_id",
                table: "follow_ups",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_status_due_on",
                table: "follow_ups",
                columns: new[] { "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_beneficiaries_establishment_id",
                table: "proposal_beneficiaries",
                column: "establishment_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposal_beneficiaries_tax_code",
                table: "proposal_beneficiaries",
                column: "tax_code");

            migrationBuilder.CreateIndex(
                name: "ix_proposal_payments_proposal_id",
                table: "proposal_payments",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_norms_funding_source_content_group_activity_effecti",
                table: "support_norms",
                columns: new[] { "funding_source", "content_group", "activity", "effective_from" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "administrative_units");

            migrationBuilder.DropTable(
                name: "appraisal_members");

            migrationBuilder.DropTable(
                name: "establishments");

            migrationBuilder.DropTable(
                name: "follow_ups");

            migrationBuilder.DropTable(
                name: "proposal_beneficiaries");

            migrationBuilder.DropTable(
                name: "proposal_payments");

            migrationBuilder.DropTable(
                name: "proposal_transitions");

            migrationBuilder.DropTable(
                name: "support_norms");

            migrationBuilder.DropTable(
                name: "appraisals");

            migrationBuilder.DropIndex(
                name: "ix_proposals_district",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "accepted_on",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "activity",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "actual_other_sources",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "actual_own_capital",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "actual_support_used",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "actual_total_spend",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "administrative_unit_code",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "appraisal_score",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "average_wage",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "balance_due",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "cancellation_reason",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "contract_number",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "contract_signed_on",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "expected_average_wage",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "expected_jobs",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "implementing_unit",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "is_late",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "is_priority_area",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "jobs_created",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "location",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "norm_id",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "objectives",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "outputs",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "pilot_end_year",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "pilot_start_year",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "refund_due",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "sector",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "settled_on",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "settled_support",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "settlement_late",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "support_limit",
                table: "proposals");

            migrationBuilder.AddColumn<string>(
                name: "establishment_tax_code",
                table: "proposals",
                type: "character varying(14)",
                maxLength: 14,
                nullable: false,
                defaultValue: "");
        }
    }
}
