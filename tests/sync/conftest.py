from tests.backend.servers import backend_server, postgres  # noqa: F401  (fixtures)
