namespace IcsComplaints.TestKit;

/// <summary>
/// Sends each request straight to the service that serves its path (as the gateway's routes say, without the gateway
/// in between), so a test that acts as one user across several services keeps one client for that user.
/// </summary>
public sealed class ServiceRoutes
{
    private static readonly Uri Unrouted = new("http://services.invalid/");
    private readonly List<(string PathPrefix, Uri Service)> _routes = [];

    /// <summary>Sends the paths under <paramref name="pathPrefix"/> (such as <c>/api/v1/cases</c>) to <paramref name="service"/>.</summary>
    public ServiceRoutes Route(string pathPrefix, Uri service)
    {
        _routes.Add((pathPrefix, service));
        return this;
    }

    /// <summary>A client for every routed service, with a bearer token when given.</summary>
    public HttpClient Client(string? token = null) =>
        HttpClients.WithToken(new HttpClient(new Router(_routes) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = Unrouted }, token);

    private sealed class Router(List<(string PathPrefix, Uri Service)> routes) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var (_, service) = routes.FirstOrDefault(r => path == r.PathPrefix || path.StartsWith(r.PathPrefix + "/", StringComparison.Ordinal));
            request.RequestUri = new Uri(service ?? throw new InvalidOperationException($"No service of this test assembly serves {path}."), request.RequestUri.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
