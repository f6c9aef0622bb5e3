using Crm.Api.Common.Security;

namespace Crm.Api.Common.ReadLog;

/// <summary>Names the right through which a person reads an archive, as the read log records it.</summary>
public static class ReadRights
{
    public static string Describe(CurrentUser user) => $"scope:{user.CustomerScope.Kind}";
}
