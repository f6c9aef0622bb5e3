using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Handovers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Handovers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FromStaffId = table.Column<long>(type: "bigint", nullable: false),
                    ToStaffId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ByStaffId = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    DisableLeaver = table.Column<bool>(type: "bit", nullable: false),
                    CustomerCount = table.Column<int>(type: "int", nullable: false),
                    CoServedCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Handovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Handovers_Staff_ByStaffId",
                        column: x => x.ByStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Handovers_Staff_FromStaffId",
                        column: x => x.FromStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Handovers_Staff_ToStaffId",
                        column: x => x.ToStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HandoverItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    HandoverId = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    Role = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PreviousOwningUnitId = table.Column<long>(type: "bigint", nullable: false),
                    PreviousOwnerId = table.Column<long>(type: "bigint", nullable: false),
                    NewOwningUnitId = table.Column<long>(type: "bigint", nullable: false),
                    NewOwnerId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandoverItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HandoverItems_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HandoverItems_Handovers_HandoverId",
                        column: x => x.HandoverId,
                        principalTable: "Handovers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HandoverItems_CustomerId",
                table: "HandoverItems",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_HandoverItems_HandoverId_Id",
                table: "HandoverItems",
                columns: new[] { "HandoverId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Handovers_ByStaffId",
                table: "Handovers",
                column: "ByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Handovers_FromStaffId_Id",
                table: "Handovers",
                columns: new[] { "FromStaffId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Handovers_ToStaffId_Id",
                table: "Handovers",
                columns: new[] { "ToStaffId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HandoverItems");

            migrationBuilder.DropTable(
                name: "Handovers");
        }
    }
}
