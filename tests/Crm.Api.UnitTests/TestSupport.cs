using System.Reflection;

namespace Crm.Api.UnitTests;

internal static class TestSupport
{
    /// <summary>Sets a private-set property (typically an identity id assigned by the database).</summary>
    public static T With<T>(this T entity, string property, object? value)
    {
        var prop = typeof(T).GetProperty(property, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                   ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {property}.");
        prop.SetValue(entity, value);
        return entity;
    }

    public static T WithId<T>(this T entity, long id) => entity.With("Id", id);
}
