using System.Data.Common;
using Crm.Api.Data;
using Crm.Api.Domain.Classification;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

/// <summary>
/// The <see cref="FactTotals"/> of a range of customers over a window, totalled by the database: a rating run covers
/// twelve million customer-months, and one row per customer instead of twelve is what keeps it within its minute
/// (materialising the rows cost four times the reading on the benchmark database).
/// Sums stay exact: each figure is scaled to whole units of its last decimal place (cents, grams, 1/10,000) before it
/// is added as an integer; the facts' validation keeps every scaled figure below 2^53, where SQLite's conversion
/// through a double is still exact. The SQL is portable: quoted names and @-parameters work on SQLite and SQL Server.
/// </summary>
internal static class FactWindowReader
{
    private const string Window =
        "FROM \"BusinessFacts\" WHERE \"CustomerId\" >= @low AND \"CustomerId\" <= @high AND \"Month\" >= @from AND \"Month\" < @to";

    private const string TotalsSql =
        "SELECT \"CustomerId\", COUNT(*), " +
        "SUM(CAST(ROUND(\"OrderAmount\" * 100, 0) AS BIGINT)), " +
        "SUM(CAST(ROUND(\"Volume\" * 1000, 0) AS BIGINT)), " +
        "SUM(CAST(ROUND(\"ProfitContribution\" * 100, 0) AS BIGINT)), " +
        "MAX(\"DaysOverdue\"), " +
        "SUM(CAST(ROUND(\"OnTimePaymentRatio\" * 10000, 0) AS BIGINT)), " +
        "COUNT(\"OnTimePaymentRatio\"), " +
        "SUM(\"Referrals\"), " +
        "MAX(CASE WHEN \"BadCredit\" = 1 THEN 1 ELSE 0 END) " +
        Window + " GROUP BY \"CustomerId\"";

    private const string LatestShareSql =
        "SELECT \"CustomerId\", \"ShareOfWallet\" FROM (SELECT \"CustomerId\", \"ShareOfWallet\", " +
        "ROW_NUMBER() OVER (PARTITION BY \"CustomerId\" ORDER BY \"Month\" DESC) AS \"Latest\" " +
        Window + " AND \"ShareOfWallet\" IS NOT NULL) AS \"Shares\" WHERE \"Latest\" = 1";

    public static async Task<Dictionary<long, FactTotals>> ReadAsync(CrmDbContext db, long low, long high, DateOnly from, DateOnly toExclusive,
        CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);

        var totals = new Dictionary<long, FactTotals>();
        await using (var command = Command(connection, TotalsSql, low, high, from, toExclusive))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                totals[reader.GetInt64(0)] = new FactTotals(
                    Months: reader.GetInt32(1),
                    OrderAmount: reader.GetInt64(2) / 100m,
                    Volume: reader.GetInt64(3) / 1000m,
                    ProfitContribution: reader.GetInt64(4) / 100m,
                    MaxDaysOverdue: reader.GetInt32(5),
                    OnTimeSum: reader.IsDBNull(6) ? 0 : reader.GetInt64(6) / 10000m,
                    OnTimeMonths: reader.GetInt32(7),
                    Referrals: reader.GetInt32(8),
                    BadCredit: reader.GetInt32(9) == 1,
                    LatestShareOfWallet: null);
            }
        }
        await using (var command = Command(connection, LatestShareSql, low, high, from, toExclusive))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                if (totals.TryGetValue(id, out var t))
                    totals[id] = t with { LatestShareOfWallet = reader.GetDecimal(1) };
            }
        }
        return totals;
    }

    private static DbCommand Command(DbConnection connection, string sql, long low, long high, DateOnly from, DateOnly toExclusive)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "@low", low);
        Add(command, "@high", high);
        Add(command, "@from", from);
        Add(command, "@to", toExclusive);
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
