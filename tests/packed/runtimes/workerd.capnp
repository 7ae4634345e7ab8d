using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .probe)],
  sockets = [(name = "http", address = "127.0.0.1:8799", http = (), service = "main")],
);

const probe :Workerd.Worker = (
  modules = [(name = "worker.mjs", esModule = embed "bundle.mjs")],
  compatibilityDate = "2026-11-01",
  compatibilityFlags = ["nodejs_compat"],
);
