using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Deadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeedbackForms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    Grade = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Situation = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Needs = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CompetitorInfo = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Suggestions = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SubmittedById = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackForms_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackForms_OrgUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackForms_Staff_SubmittedById",
                        column: x => x.SubmittedById,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Obligations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    OwningUnitId = table.Column<long>(type: "bigint", nullable: false),
                    ResponsibleId = table.Column<long>(type: "bigint", nullable: false),
                    TriggeredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CalendarConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    ChangedFields = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SubmittedById = table.Column<long>(type: "bigint", nullable: true),
                    Submissions = table.Column<int>(type: "int", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedById = table.Column<long>(type: "bigint", nullable: true),
                    ReturnedReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    MetOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReminderCount = table.Column<int>(type: "int", nullable: false),
                    LastRemindedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Obligations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Obligations_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Obligations_OrgUnits_OwningUnitId",
                        column: x => x.OwningUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Obligations_Staff_ResponsibleId",
                        column: x => x.ResponsibleId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ObligationId = table.Column<long>(type: "bigint", nullable: false),
                    ToStaffId = table.Column<long>(type: "bigint", nullable: false),
                    RemindedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reminders_Obligations_ObligationId",
                        column: x => x.ObligationId,
                        principalTable: "Obligations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Reminders_Staff_ToStaffId",
                        column: x => x.ToStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackForms_CustomerId_Month",
                table: "FeedbackForms",
                columns: new[] { "CustomerId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackForms_Month_UnitId_Grade",
                table: "FeedbackForms",
                columns: new[] { "Month", "UnitId", "Grade" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackForms_SubmittedById",
                table: "FeedbackForms",
                column: "SubmittedById");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackForms_UnitId",
                table: "FeedbackForms",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_CustomerId_Filing",
                table: "Obligations",
                column: "CustomerId",
                unique: true,
                filter: "[Kind] = 'Filing'");

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_CustomerId_Kind_Status",
                table: "Obligations",
                columns: new[] { "CustomerId", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_OwningUnitId_DueOn",
                table: "Obligations",
                columns: new[] { "OwningUnitId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_ResponsibleId_DueOn",
                table: "Obligations",
                columns: new[] { "ResponsibleId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_Status_DueOn_Id",
                table: "Obligations",
                columns: new[] { "Status", "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_ObligationId_RemindedOn",
                table: "Reminders",
                columns: new[] { "ObligationId", "RemindedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_ToStaffId_RemindedOn",
                table: "Reminders",
                columns: new[] { "ToStaffId", "RemindedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackForms");

            migrationBuilder.DropTable(
                name: "Reminders");

            migrationBuilder.DropTable(
                name: "Obligations");
        }
    }
}
