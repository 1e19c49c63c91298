namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>Metadata names of the ASP.NET Core types the rules recognise: request input, handlers, results, URL building.</summary>
    internal static class AspNetNames
    {
        public const string UrlHelper = "Microsoft.AspNetCore.Mvc.IUrlHelper";
        public const string UrlHelperExtensions = "Microsoft.AspNetCore.Mvc.UrlHelperExtensions";
        public const string LinkGenerator = "Microsoft.AspNetCore.Routing.LinkGenerator";
        public const string HttpContext = "Microsoft.AspNetCore.Http.HttpContext";
        public const string HttpRequest = "Microsoft.AspNetCore.Http.HttpRequest";
        public const string PathString = "Microsoft.AspNetCore.Http.PathString";
        public const string UriHelper = "Microsoft.AspNetCore.Http.Extensions.UriHelper";
        public const string HeaderDictionaryTypeExtensions = "Microsoft.AspNetCore.Http.HeaderDictionaryTypeExtensions";
        public const string ControllerBase = "Microsoft.AspNetCore.Mvc.ControllerBase";
        public const string PageModel = "Microsoft.AspNetCore.Mvc.RazorPages.PageModel";
        public const string PageBase = "Microsoft.AspNetCore.Mvc.RazorPages.PageBase";
        public const string RazorPageBase = "Microsoft.AspNetCore.Mvc.Razor.RazorPageBase";
        public const string ApiControllerAttribute = "Microsoft.AspNetCore.Mvc.ApiControllerAttribute";
        public const string NonActionAttribute = "Microsoft.AspNetCore.Mvc.NonActionAttribute";
        public const string BindPropertyAttribute = "Microsoft.AspNetCore.Mvc.BindPropertyAttribute";
        public const string BindPropertiesAttribute = "Microsoft.AspNetCore.Mvc.BindPropertiesAttribute";
        public const string FromServicesAttribute = "Microsoft.AspNetCore.Mvc.FromServicesAttribute";
        public const string FromKeyedServicesAttribute = "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute";
        public const string Controller = "Microsoft.AspNetCore.Mvc.Controller";
        public const string Results = "Microsoft.AspNetCore.Http.Results";
        public const string TypedResults = "Microsoft.AspNetCore.Http.TypedResults";
        public const string JsonResult = "Microsoft.AspNetCore.Mvc.JsonResult";
        public const string OkObjectResult = "Microsoft.AspNetCore.Mvc.OkObjectResult";
        public const string EndpointRouteBuilderExtensions = "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions";
        public const string Result = "Microsoft.AspNetCore.Http.IResult";
        public const string ActionResult = "Microsoft.AspNetCore.Mvc.IActionResult";
        public const string HostString = "Microsoft.AspNetCore.Http.HostString";
        public const string QueryString = "Microsoft.AspNetCore.Http.QueryString";

        /// <summary>
        /// The objects ASP.NET Core makes for one request (a controller, a Razor page or page model): their fields die with
        /// the request, so a field of <c>this</c> there is not storage.
        /// </summary>
        public static readonly ImmutableArray<string> PerRequestTypes = ImmutableArray.Create(ControllerBase, PageModel, PageBase);

        /// <summary>Attributes that bind a parameter or property from the request, whatever its type.</summary>
        public static readonly ImmutableArray<string> BindingSourceAttributes = ImmutableArray.Create(
            "Microsoft.AspNetCore.Mvc.FromQueryAttribute",
            "Microsoft.AspNetCore.Mvc.FromBodyAttribute",
            "Microsoft.AspNetCore.Mvc.FromRouteAttribute",
            "Microsoft.AspNetCore.Mvc.FromFormAttribute",
            "Microsoft.AspNetCore.Mvc.FromHeaderAttribute",
            "Microsoft.AspNetCore.Http.AsParametersAttribute");

        /// <summary><c>HttpRequest</c> members whose content the client chooses.</summary>
        public static readonly ImmutableArray<string> RequestInputProperties = ImmutableArray.Create(
            "Query", "Form", "Headers", "Cookies", "RouteValues", "Host", "Path", "QueryString");

        /// <summary>
        /// Built-in allow-list checks: ASP.NET Core's local-URL test and the Accrue.Portal runtime's return-URL
        /// allow-list (matched by name, so the analyzers need no reference to the runtime).
        /// </summary>
        public static readonly ImmutableArray<string> BuiltInReturnUrlValidators = ImmutableArray.Create(
            "Microsoft.AspNetCore.Mvc.IUrlHelper.IsLocalUrl",
            "Accrue.Portal.PortalReturnUrls.IsAllowed",
            "Accrue.Portal.PortalReturnUrls.EnsureAllowed");
    }
}
