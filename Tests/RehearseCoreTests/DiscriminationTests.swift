import RehearseScoring
import Testing

@testable import RehearseCore

/// The scorer on the shipped bank: a correct answer in the candidate's own words earns at least
/// partial; a good answer to a different question of the same topic is weak.
@Suite struct DiscriminationTests {
    static let catalog = try! CatalogLoader.load(.builtin).validCatalog()

    /// Correct answers written without copying the reference answer.
    static let paraphrases: [(String, String)] = [
        (
            "django.csrf",
            "It's an attack where a malicious site tricks your browser into sending a request to a site you're logged into, riding on your cookies. Django puts a hidden token in each form and the middleware rejects POSTs without the right one."
        ),
        (
            "django.select-prefetch-related",
            "select_related does a SQL join and pulls the related foreign key object in the same query. prefetch_related does a second lookup for many to many or reverse relations and stitches them together in Python. Both avoid the N+1 problem."
        ),
        (
            "django.migrations",
            "You change your models, run makemigrations to generate the migration files, then migrate to apply them so the database schema matches."
        ),
        (
            "django.middleware",
            "Middleware are hooks that wrap every request and response globally, like layers around the view: sessions, auth and CSRF checks are implemented that way."
        ),
        (
            "django.queryset",
            "It's a lazy, chainable query on a model; you build it with filter and exclude and nothing hits the database until you iterate over it, and you get model instances back."
        ),
        (
            "django.signals-vs-celery",
            "Signals are synchronous and run in the same process during the request, so the user waits. Celery is an asynchronous task queue with a broker and separate workers for slow jobs like sending email."
        ),
        (
            "django.onetoone-vs-foreignkey",
            "A ForeignKey is many-to-one, lots of rows can point at the same parent. A OneToOneField is a unique one-to-one link, like a profile that extends the user."
        ),
        (
            "django.values-vs-values-list",
            "values gives you a dict per row, values_list gives tuples, and with flat=True a plain flat list for one field."
        ),
        (
            "flask.url-for",
            "url_for generates the URL for an endpoint from the view function's name, so you never hardcode paths and links survive when routes change."
        ),
        (
            "flask.blueprints",
            "Blueprints let you split a big Flask app into modules, each a group of routes and templates, which you register on the app, maybe with a url_prefix."
        ),
        (
            "flask.sessions",
            "By default the session lives in a cookie on the client, signed with the SECRET_KEY so it can't be tampered with, though the user can read it."
        ),
        (
            "flask.wsgi",
            "WSGI is the standard interface between Python apps and web servers. In production you don't use the dev server; you run Gunicorn or uWSGI behind Nginx as a reverse proxy."
        ),
        (
            "fastapi.dependency-injection",
            "You declare a parameter whose default is Depends(some_function) and FastAPI calls it per request, which gives reusable logic for things like database sessions or the current user."
        ),
        (
            "fastapi.background-tasks",
            "Add a BackgroundTasks parameter to the endpoint and call add_task; the work runs after the response is sent, in the same process. For heavy jobs use Celery."
        ),
        (
            "fastapi.pydantic-models",
            "They are classes inheriting from BaseModel with typed fields; FastAPI uses them as schemas for the request body and responses and validates the data, returning 422 when it's wrong."
        ),
        (
            "fastapi.async-await",
            "An async def endpoint runs on the event loop, so while it awaits I/O other requests get served; plain def endpoints go to a threadpool. Never call blocking code inside async def."
        ),
    ]

    /// Good answers, each to a different question of the same topic than the one scored.
    static let misplaced: [(scored: String, answer: String)] = [
        (
            "django.csrf",
            "select_related follows foreign keys with a SQL join so the related objects come back in one query; prefetch_related runs a separate query for many-to-many."
        ),
        (
            "django.select-prefetch-related",
            "CSRF is cross-site request forgery; Django protects forms with the csrf_token tag and the CSRF middleware."
        ),
        ("django.migrations", "Middleware are hooks that wrap every request and response globally, like sessions and authentication."),
        ("django.signals-vs-celery", "values gives you a dict per row, values_list gives tuples, and with flat=True a flat list."),
        ("flask.url-for", "The session lives in a cookie signed with the SECRET_KEY, so the user can read but not change it."),
        ("flask.wsgi", "Blueprints are groups of routes registered on the app with a url_prefix, to split a big app into modules."),
        ("fastapi.background-tasks", "Pydantic models inherit from BaseModel and validate the request body, returning 422 on bad data."),
        ("fastapi.dependency-injection", "FastAPI serves Swagger UI at /docs and ReDoc at /redoc, generated from the OpenAPI schema."),
    ]

    func score(_ answer: String, for id: String) throws -> ScoreReport {
        let question = try Self.catalog.requireQuestion(id: id)
        return Scorer(corpus: Self.catalog.corpus).score(answer, for: question.scoringQuestion)
    }

    @Test(arguments: paraphrases)
    func ownWordsEarnAtLeastPartial(id: String, answer: String) throws {
        let report = try score(answer, for: id)
        #expect(report.band != .weak, "\(id): \(report.score) — missed \(report.missed.map(\.concept))")
    }

    @Test(arguments: misplaced)
    func anAnswerToAnotherQuestionIsWeak(scored: String, answer: String) throws {
        let report = try score(answer, for: scored)
        #expect(report.band == .weak, "\(scored): \(report.score) — matched \(report.matched.map(\.concept))")
    }
}
