using System.Data.Common;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

/// <summary>
/// The facts of a range of customers in a window, read with a plain data reader: a rating run reads twelve million
/// rows, and EF's materialisation costs about four times the reading itself for these narrow rows (measured on the
/// benchmark database). Portable SQL: quoted names and @-parameters work on SQLite and SQL Server alike.
/// </summary>
internal static class FactWindowReader
{
    private const string Sql =
        "SELECT \"CustomerId\", \"Month\", \"OrderAmount\", \"Volume\", \"ProfitContribution\", \"DaysOverdue\", \"OnTimePaymentRatio\", " +
        "\"ShareOfWallet\", \"Referrals\", \"BadCredit\" FROM \"BusinessFacts\" " +
        "WHERE \"CustomerId\" >= @low AND \"CustomerId\" <= @high AND \"Month\" >= @from AND \"Month\" < @to";

    public static async Task<List<FactFigures>> ReadAsync(CrmDbContext db, long low, long high, DateOnly from, DateOnly toExclusive, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        Add(command, "@low", low);
        Add(command, "@high", high);
        Add(command, "@from", from);
        Add(command, "@to", toExclusive);
        var facts = new List<FactFigures>((int)Math.Min(100_000, (high - low + 1) * 12));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            facts.Add(new FactFigures(
                reader.GetInt64(0),
                reader.GetFieldValue<DateOnly>(1),
                reader.GetDecimal(2),
                reader.GetDecimal(3),
                reader.GetDecimal(4),
                reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetDecimal(6),
                reader.IsDBNull(7) ? null : reader.GetDecimal(7),
                reader.GetInt32(8),
                reader.GetBoolean(9)));
        }
        return facts;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
