namespace Crm.Api.Features.Org;

public static class OrgEndpoints
{
    public static void MapOrgEndpoints(this IEndpointRouteBuilder app) { }
}
