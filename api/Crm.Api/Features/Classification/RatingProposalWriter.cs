using System.Data.Common;
using System.Globalization;
using System.Text;
using Crm.Api.Data;
using Crm.Api.Domain.Classification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Api.Features.Classification;

/// <summary>
/// Writes a run's change list with multi-row INSERTs inside the caller's transaction. A yearly run can propose
/// hundreds of thousands of lines; EF's one-statement-per-entity insert (with its key read-back) costs several times
/// more, and nothing needs the new keys.
/// </summary>
internal static class RatingProposalWriter
{
    /// <summary>9 parameters a row: 100 rows stay well under SQL Server's 2,100 and SQLite's 32,766.</summary>
    private const int RowsPerStatement = 100;

    private static readonly string[] Columns =
        ["RunId", "CustomerId", "FromGrade", "ToGrade", "Direction", "Kind", "Basis", "Explanation", "Decision"];

    public static async Task InsertAsync(CrmDbContext db, IReadOnlyList<RatingProposal> proposals, CancellationToken ct)
    {
        if (proposals.Count == 0)
            return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("Proposals are written inside the batch's transaction.");
        var connection = db.Database.GetDbConnection();
        // One statement for full chunks, prepared once and re-bound; the remainder gets its own.
        DbCommand? full = null;
        try
        {
            foreach (var chunk in proposals.Chunk(RowsPerStatement))
            {
                if (chunk.Length == RowsPerStatement)
                {
                    full ??= Command(connection, transaction, RowsPerStatement);
                    Bind(full, chunk);
                    await full.ExecuteNonQueryAsync(ct);
                    continue;
                }
                await using var rest = Command(connection, transaction, chunk.Length);
                Bind(rest, chunk);
                await rest.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (full is not null)
                await full.DisposeAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO \"RatingProposals\" ({string.Join(", ", Columns.Select(c => "\"" + c + "\""))}) VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var col = 0; col < Columns.Length; col++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{row}_{col}");
                sql.Append(col == 0 ? "" : ", ").Append(name);
                command.Parameters.Add(Parameter(command, name, null));
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        return command;
    }

    private static void Bind(DbCommand command, RatingProposal[] rows)
    {
        for (var row = 0; row < rows.Length; row++)
        {
            var p = rows[row];
            object?[] values = [p.RunId, p.CustomerId, p.FromGrade, p.ToGrade, p.Direction.ToString(), p.Kind.ToString(), p.Basis.ToString(),
                p.Explanation, p.Decision.ToString()];
            for (var col = 0; col < values.Length; col++)
                command.Parameters[row * Columns.Length + col].Value = values[col] ?? DBNull.Value;
        }
    }

    private static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }
}
