namespace Accrue.Portal.Analyzers.Requests
{
    using Microsoft.CodeAnalysis.CSharp;
    using Microsoft.CodeAnalysis.CSharp.Syntax;

    internal enum ReturnUrlShapeKind
    {
        /// <summary>Nothing provable at compile time: the rules stay silent.</summary>
        Unknown,

        /// <summary>The leading text is known (all of it when <see cref="ReturnUrlShape.IsComplete"/>).</summary>
        Text,

        /// <summary>An API that returns a path without scheme and host (<c>Url.Action</c>, <c>GetPathBy*</c>, <c>Request.Path</c>).</summary>
        PathProducer,
    }

    internal enum ReturnUrlFix
    {
        None,
        HttpToHttps,
        AddProtocol,
        PathToUri,
    }

    /// <summary>What compile time proves about a URL value, and where a fix would edit.</summary>
    internal readonly struct ReturnUrlShape
    {
        private ReturnUrlShape(ReturnUrlShapeKind kind, string text, bool isComplete, string description, SyntaxNode? fixTarget, ReturnUrlFix fix)
        {
            this.Kind = kind;
            this.Text = text;
            this.IsComplete = isComplete;
            this.Description = description;
            this.FixTarget = fixTarget;
            this.Fix = fix;
        }

        public static ReturnUrlShape Unknown => default;

        public ReturnUrlShapeKind Kind { get; }

        public string Text { get; }

        public bool IsComplete { get; }

        /// <summary>For a path producer: what produced it ("IUrlHelper.Action without a protocol returns a relative path").</summary>
        public string Description { get; }

        /// <summary>The literal holding the leading text (for http→https), or the producing call.</summary>
        public SyntaxNode? FixTarget { get; }

        public ReturnUrlFix Fix { get; }

        public static ReturnUrlShape FromText(string text, bool isComplete, SyntaxNode? literal) =>
            new(ReturnUrlShapeKind.Text, text, isComplete, string.Empty, literal, ReturnUrlFix.None);

        public static ReturnUrlShape FromProducer(string description, SyntaxNode call, ReturnUrlFix fix) =>
            new(ReturnUrlShapeKind.PathProducer, string.Empty, false, description, call, fix);
    }

    /// <summary>PORTAL003's reading of a URL value: constants, string building, locals written once, and the ASP.NET Core path APIs.</summary>
    internal sealed class ReturnUrlClassifier
    {
        private const int MaxDepth = 8;
        private const string ProtocolParameter = "protocol";

        private readonly Compilation compilation;
        private readonly INamedTypeSymbol? urlHelper;
        private readonly INamedTypeSymbol? urlHelperExtensions;
        private readonly INamedTypeSymbol? linkGenerator;
        private readonly INamedTypeSymbol? pathString;

        public ReturnUrlClassifier(Compilation compilation)
        {
            this.compilation = compilation;
            var types = KnownTypes.For(compilation);
            this.urlHelper = types.Get(AspNetNames.UrlHelper);
            this.urlHelperExtensions = types.Get(AspNetNames.UrlHelperExtensions);
            this.linkGenerator = types.Get(AspNetNames.LinkGenerator);
            this.pathString = types.Get(AspNetNames.PathString);
        }

        public ReturnUrlShape Classify(IOperation value, LocalValues locals, int depth = 0)
        {
            value = WalkDownConversions(value);
            if (depth > MaxDepth)
            {
                return ReturnUrlShape.Unknown;
            }

            if (value.ConstantValue is { HasValue: true, Value: string text })
            {
                return ReturnUrlShape.FromText(text, true, this.LiteralOf(value));
            }

            if (this.pathString is not null && SymbolEqualityComparer.Default.Equals(value.Type, this.pathString))
            {
                var name = value is IPropertyReferenceOperation property ? property.Property.ContainingType.Name + "." + property.Property.Name : "A PathString";
                return ReturnUrlShape.FromProducer(name + " is a relative path", value.Syntax, ReturnUrlFix.None);
            }

            switch (value)
            {
                case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } instance } when SymbolEqualityComparer.Default.Equals(instance.Type, this.pathString):
                    return this.Classify(instance, locals, depth + 1);
                case IInvocationOperation { TargetMethod.Name: nameof(ToString), Instance: { } instance } when SymbolEqualityComparer.Default.Equals(instance.Type, this.pathString):
                    return this.Classify(instance, locals, depth + 1);
                case IInvocationOperation invocation:
                    return this.ClassifyCall(invocation, locals, depth);
                case IInterpolatedStringOperation interpolated when interpolated.Parts.All(p => p is IInterpolationOperation or IInterpolatedStringTextOperation):
                    return this.ClassifyParts(interpolated.Parts.Select(p => p is IInterpolationOperation i ? i.Expression : ((IInterpolatedStringTextOperation)p).Text), locals, depth);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    return this.ClassifyParts(Flatten(binary), locals, depth);
                case ILocalReferenceOperation local when locals.SingleValue(local.Local) is { } single:
                    return this.Classify(single, locals, depth + 1);
                default:
                    return ReturnUrlShape.Unknown;
            }
        }

        private ReturnUrlShape ClassifyCall(IInvocationOperation invocation, LocalValues locals, int depth)
        {
            var method = invocation.TargetMethod;
            var owner = method.ContainingType;
            if (method.Name == nameof(string.Concat) && owner.SpecialType == SpecialType.System_String)
            {
                var parts = invocation.Arguments.Length == 1 && invocation.Arguments[0].Value is IArrayCreationOperation { Initializer: { } array }
                    ? array.ElementValues
                    : invocation.Arguments.Select(a => a.Value);
                return this.ClassifyParts(parts, locals, depth);
            }

            var isUrlHelperExtension = SymbolEqualityComparer.Default.Equals(owner, this.urlHelperExtensions)
                                       && method.Name is "Action" or "Page" or "RouteUrl";
            var isContent = SymbolEqualityComparer.Default.Equals(owner, this.urlHelper) && method.Name == "Content";
            if (isUrlHelperExtension || isContent)
            {
                var protocol = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == ProtocolParameter);
                if (protocol is not null && protocol.Value.ConstantValue is not { HasValue: true, Value: null })
                {
                    return ReturnUrlShape.Unknown;
                }

                var fix = isUrlHelperExtension && this.HasProtocolOverload(method.Name) ? ReturnUrlFix.AddProtocol : ReturnUrlFix.None;
                var qualifier = isContent ? string.Empty : " without a protocol";
                return ReturnUrlShape.FromProducer($"IUrlHelper.{method.Name}{qualifier} returns a relative path", invocation.Syntax, fix);
            }

            if (method.Name.StartsWith("GetPathBy", StringComparison.Ordinal) && method.Parameters.Length > 0
                && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, this.linkGenerator))
            {
                return ReturnUrlShape.FromProducer($"LinkGenerator.{method.Name} returns a relative path", invocation.Syntax, ReturnUrlFix.PathToUri);
            }

            return ReturnUrlShape.Unknown;
        }

        /// <summary>A concatenation: known while its parts are constants; a leading path keeps the whole relative.</summary>
        private ReturnUrlShape ClassifyParts(IEnumerable<IOperation> parts, LocalValues locals, int depth)
        {
            var text = string.Empty;
            SyntaxNode? firstLiteral = null;
            var first = true;
            foreach (var part in parts)
            {
                var shape = this.Classify(part, locals, depth + 1);
                if (first && shape.Kind == ReturnUrlShapeKind.PathProducer)
                {
                    return shape;
                }

                if (shape.Kind != ReturnUrlShapeKind.Text)
                {
                    return text.Length == 0 ? ReturnUrlShape.Unknown : ReturnUrlShape.FromText(text, false, firstLiteral);
                }

                firstLiteral = first ? shape.FixTarget : firstLiteral;
                first = false;
                text += shape.Text;
                if (!shape.IsComplete)
                {
                    return ReturnUrlShape.FromText(text, false, firstLiteral);
                }
            }

            return ReturnUrlShape.FromText(text, true, firstLiteral);
        }

        private bool HasProtocolOverload(string name) =>
            this.urlHelperExtensions!.GetMembers(name).OfType<IMethodSymbol>().Any(m => m.Parameters.Any(p => p.Name == ProtocolParameter));

        /// <summary>
        /// The string literal or interpolated-string text that holds a constant's text, for the http→https fix: in this
        /// compilation only, since a diagnostic (and the fix) cannot point into a referenced project's tree.
        /// </summary>
        private SyntaxNode? LiteralOf(IOperation value)
        {
            switch (value.Syntax)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return literal;
                case InterpolatedStringTextSyntax textPart:
                    return textPart;
            }

            var symbol = value switch
            {
                IFieldReferenceOperation field => (ISymbol)field.Field,
                ILocalReferenceOperation local => local.Local,
                _ => null,
            };
            var declarations = symbol?.DeclaringSyntaxReferences ?? ImmutableArray<SyntaxReference>.Empty;
            return declarations.Length == 1
                   && this.compilation.ContainsSyntaxTree(declarations[0].SyntaxTree)
                   && declarations[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax initializer }
                   && initializer.IsKind(SyntaxKind.StringLiteralExpression)
                ? initializer
                : null;
        }

        private static IEnumerable<IOperation> Flatten(IBinaryOperation binary)
        {
            var left = WalkDownConversions(binary.LeftOperand);
            var leftParts = left is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } inner && inner.Type?.SpecialType == SpecialType.System_String
                ? Flatten(inner)
                : new[] { left };
            return leftParts.Concat(new[] { binary.RightOperand });
        }

        private static IOperation WalkDownConversions(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
