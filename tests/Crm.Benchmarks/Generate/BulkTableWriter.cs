using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Crm.Benchmarks.Generate;

/// <summary>
/// One prepared INSERT for an entity's table, reused for every row. Table and column names and the value
/// conversions (enums as strings, instants as UTC ticks) come from the EF model, so the rows read back exactly as
/// if EF had written them, and a renamed or added column fails here instead of producing a wrong database.
/// </summary>
internal sealed class BulkTableWriter : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;
    private readonly Func<object?, object?>?[] _toProvider;

    public BulkTableWriter(SqliteConnection connection, IModel model, Type entity, params string[] propertyNames)
    {
        var entityType = model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the EF model.");
        var mapping = entityType.GetTableMappings().Single();
        Table = mapping.Table.Name;
        var byProperty = mapping.ColumnMappings.ToDictionary(m => m.Property.Name, StringComparer.Ordinal);

        var unknown = propertyNames.Where(p => !byProperty.ContainsKey(p)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"{Table}: no mapped properties named {string.Join(", ", unknown)}.");
        var requiredButMissing = mapping.ColumnMappings
            .Where(m => !m.Column.IsNullable && !propertyNames.Contains(m.Property.Name) && m.Column.DefaultValueSql is null && m.Column.DefaultValue is null)
            .Select(m => m.Property.Name)
            .ToList();
        if (requiredButMissing.Count > 0)
            throw new InvalidOperationException($"{Table}: the model has required columns the generator does not fill: {string.Join(", ", requiredButMissing)}.");

        var columns = propertyNames.Select(p => byProperty[p]).ToArray();
        _toProvider = columns.Select(c => c.TypeMapping.Converter?.ConvertToProvider).ToArray();
        _command = connection.CreateCommand();
        _command.CommandText =
            $"INSERT INTO \"{Table}\" ({string.Join(", ", columns.Select(c => "\"" + c.Column.Name + "\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i })).ToArray();
    }

    public string Table { get; }

    public long Rows { get; private set; }

    public void Prepare(SqliteTransaction transaction)
    {
        _command.Transaction = transaction;
        _command.Prepare();
    }

    public void Insert(params ReadOnlySpan<object?> values)
    {
        if (values.Length != _parameters.Length)
            throw new ArgumentException($"{Table} expects {_parameters.Length} values, got {values.Length}.", nameof(values));
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value is not null && _toProvider[i] is { } convert)
                value = convert(value);
            else if (value is Enum flags)
                value = Convert.ToInt64(flags, System.Globalization.CultureInfo.InvariantCulture);
            _parameters[i].Value = value ?? DBNull.Value;
        }
        _command.ExecuteNonQuery();
        Rows++;
    }

    public void Dispose() => _command.Dispose();
}
