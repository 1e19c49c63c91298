namespace Accrue.Portal.CodeFixes
{
    using System.Collections.Generic;
    using Accrue.Portal.Analyzers.Requests;
    using Microsoft.CodeAnalysis.Operations;
    using Microsoft.CodeAnalysis.Text;

    /// <summary>
    /// PORTAL003: <c>http://</c> → <c>https://</c> in the literal that holds it; <c>Url.Action/Page/RouteUrl(..)</c> →
    /// the overload with <c>protocol: "https"</c>; <c>LinkGenerator.GetPathBy*</c> → <c>GetUriBy*</c> with the request's
    /// HttpContext (only when one is in scope).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnUrlNotAbsoluteHttpsCodeFixProvider))]
    [Shared]
    public sealed class ReturnUrlNotAbsoluteHttpsCodeFixProvider() : PortalCodeFixProvider(PortalDiagnostics.ReturnUrlNotAbsoluteHttps)
    {
        public const string UseHttpsKey = "PORTAL003.UseHttps";
        public const string AddProtocolKey = "PORTAL003.AddProtocol";
        public const string UseUriKey = "PORTAL003.UseGetUriBy";

        private static readonly ImmutableArray<string> ShiftedLinkParameters = ImmutableArray.Create("pathBase", "fragment", "options");

        private protected override async Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel)
        {
            if (!diagnostic.Properties.TryGetValue(ReturnUrlNotAbsoluteHttpsAnalyzer.FixProperty, out var fixName)
                || !Enum.TryParse<ReturnUrlFix>(fixName, out var fix)
                || diagnostic.AdditionalLocations.Count != 1
                || diagnostic.AdditionalLocations[0].SourceTree is not { } targetTree)
            {
                return;
            }

            // The analyzer points only into its own compilation; the fix edits nothing outside the document's project.
            var targetDocument = context.Document.Project.GetDocument(targetTree);
            if (targetDocument is null)
            {
                return;
            }

            var targetRoot = await targetTree.GetRootAsync(context.CancellationToken).ConfigureAwait(false);
            var target = targetRoot.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true);

            switch (fix)
            {
                case ReturnUrlFix.HttpToHttps when HttpsChange(target) is { } change:
                    context.RegisterCodeFix(
                        CodeAction.Create("Use https://", ct => ApplyAsync(targetDocument, change, ct), UseHttpsKey),
                        diagnostic);
                    break;
                case ReturnUrlFix.AddProtocol or ReturnUrlFix.PathToUri when target.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation:
                    var targetModel = await targetDocument.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                    if (targetModel?.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation operation)
                    {
                        break;
                    }

                    var replacement = fix == ReturnUrlFix.AddProtocol ? AddProtocol(operation) : UseUri(operation, targetModel);
                    if (replacement is not null)
                    {
                        var title = fix == ReturnUrlFix.AddProtocol ? "Add protocol: \"https\"" : $"Use {replacement.Value.NewName}";
                        var change = new TextChange(replacement.Value.Span, replacement.Value.Text);
                        context.RegisterCodeFix(
                            CodeAction.Create(title, ct => ApplyAsync(targetDocument, change, ct), fix == ReturnUrlFix.AddProtocol ? AddProtocolKey : UseUriKey),
                            diagnostic);
                    }

                    break;
            }
        }

        private static TextChange? HttpsChange(SyntaxNode target)
        {
            var token = target switch
            {
                LiteralExpressionSyntax literal => literal.Token,
                InterpolatedStringTextSyntax text => text.TextToken,
                _ => default,
            };
            var index = token.Text.IndexOf("http://", StringComparison.OrdinalIgnoreCase);
            return index < 0 ? null : new TextChange(new TextSpan(token.SpanStart + index, "http://".Length), "https://");
        }

        /// <summary><c>Url.Action(a, c)</c> → <c>Url.Action(a, c, null, protocol: "https")</c>: the smallest overload with a protocol.</summary>
        private static (TextSpan Span, string Text, string NewName)? AddProtocol(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var overload = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>()
                .Where(m => m.Parameters.Any(p => p.Name == "protocol"))
                .OrderBy(m => m.Parameters.Length)
                .FirstOrDefault();
            if (overload is null || invocation.Syntax is not InvocationExpressionSyntax syntax)
            {
                return null;
            }

            var given = GivenArguments(invocation);
            var arguments = new List<string>();
            foreach (var parameter in overload.Parameters.Skip(1))
            {
                if (parameter.Name == "protocol")
                {
                    arguments.Add("protocol: \"https\"");
                    break;
                }

                arguments.Add(given.TryGetValue(parameter.Name, out var text) ? text : "null");
                given.Remove(parameter.Name);
            }

            if (given.Count > 0)
            {
                return null; // arguments the smallest protocol overload cannot take (host, fragment): leave it to the author
            }

            return (syntax.ArgumentList.Span, "(" + string.Join(", ", arguments) + ")", method.Name);
        }

        /// <summary><c>links.GetPathByAction(..)</c> → <c>links.GetUriByAction(httpContext, ..)</c>.</summary>
        private static (TextSpan Span, string Text, string NewName)? UseUri(IInvocationOperation invocation, SemanticModel semanticModel)
        {
            var method = invocation.TargetMethod;
            if (invocation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax || method.Parameters.Length < 2)
            {
                return null;
            }

            var newName = "GetUriBy" + method.Name.Substring("GetPathBy".Length);
            var takesContext = method.Parameters[1].Type.ToDisplayString() == AspNetNames.HttpContext;
            var context = takesContext ? null : FindHttpContext(semanticModel, syntax.SpanStart);
            if (!takesContext && context is null)
            {
                return null;
            }

            var arguments = new List<string>();
            if (context is not null)
            {
                arguments.Add(context);
            }

            foreach (var argument in invocation.Arguments.Where(a => a.ArgumentKind != ArgumentKind.DefaultValue && a.Parameter?.Ordinal > 0))
            {
                var text = ((ArgumentSyntax)argument.Syntax).Expression.ToString();
                var name = argument.Parameter!.Name;
                var named = ((ArgumentSyntax)argument.Syntax).NameColon is not null || ShiftedLinkParameters.Contains(name);
                arguments.Add(named ? name + ": " + text : text);
            }

            var span = TextSpan.FromBounds(access.Name.SpanStart, syntax.ArgumentList.Span.End);
            return (span, newName + "(" + string.Join(", ", arguments) + ")", newName);
        }

        /// <summary>A parameter or local of type HttpContext, or the <c>HttpContext</c> property of a controller or page.</summary>
        private static string? FindHttpContext(SemanticModel semanticModel, int position)
        {
            var symbols = semanticModel.LookupSymbols(position);
            var variable = symbols.FirstOrDefault(s => (s is IParameterSymbol p && p.Type.ToDisplayString() == AspNetNames.HttpContext)
                                                       || (s is ILocalSymbol l && l.Type.ToDisplayString() == AspNetNames.HttpContext && l.Locations.All(x => x.SourceSpan.End <= position)));
            if (variable is not null)
            {
                return variable.Name;
            }

            var inInstanceContext = semanticModel.GetEnclosingSymbol(position) is { IsStatic: false };
            return inInstanceContext && symbols.OfType<IPropertySymbol>().Any(p => p.Name == "HttpContext" && !p.IsStatic && p.Type.ToDisplayString() == AspNetNames.HttpContext)
                ? "HttpContext"
                : null;
        }

        private static Dictionary<string, string> GivenArguments(IInvocationOperation invocation)
        {
            var given = new Dictionary<string, string>();
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { Ordinal: > 0 } parameter && argument.Syntax is ArgumentSyntax syntax
                    && !(parameter.Name == "protocol" && argument.Value.ConstantValue is { HasValue: true, Value: null }))
                {
                    given[parameter.Name] = syntax.Expression.ToString();
                }
            }

            return given;
        }

        private static async Task<Solution> ApplyAsync(Document document, TextChange change, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.Project.Solution.WithDocumentText(document.Id, text.WithChanges(change));
        }
    }
}
