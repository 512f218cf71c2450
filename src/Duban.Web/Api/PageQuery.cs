namespace Duban.Web.Api;

/// <summary>The paging parameters every list endpoint takes: ?page=1&amp;pageSize=20 (at most 100).</summary>
public sealed record PageQuery(int? Page, int? PageSize);
