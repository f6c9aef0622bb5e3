using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BusinessFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BusinessFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrderAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Volume = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    VolumeUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ProfitContribution = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DaysOverdue = table.Column<int>(type: "INTEGER", nullable: false),
                    OnTimePaymentRatio = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: true),
                    ShareOfWallet = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: true),
                    Referrals = table.Column<int>(type: "INTEGER", nullable: false),
                    BadCredit = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessFacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BusinessFacts_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BusinessFacts_Staff_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessFacts_CustomerId_Month",
                table: "BusinessFacts",
                columns: new[] { "CustomerId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BusinessFacts_UpdatedById",
                table: "BusinessFacts",
                column: "UpdatedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BusinessFacts");
        }
    }
}
