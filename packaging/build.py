"""Build the Debian packages `kiosk` and `kiosk-backend` from one commit, reproducibly (DESIGN §15).

    python packaging/build.py [--commit REV] [--out DIR] [--work DIR] [--wheelhouse DIR]

What goes in is the commit (git archive), never the working tree, so two builds of one commit are
byte-identical: every mtime is the commit's time (SOURCE_DATE_EPOCH), permissions are normalised, owners
are root (dpkg-deb --root-owner-group, which also sorts the archive), bytecode is compiled with
unchecked-hash invalidation (no source timestamps inside), and no build path is left anywhere (checked).

The app's virtual environment is made for the target interpreter, Debian's /usr/bin/python3 (3.11), in a
staging directory and moved to its final path /opt/kiosk/venv by rewriting the few places a venv records
its own path (pyvenv.cfg, the scripts' #! lines). The locked dependencies (packaging/runtime.lock) come
from a wheelhouse filled once by pip from the package index (build/wheelhouse, reused).
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TARGET_PYTHON = "/usr/bin/python3"
PREFIX = "/opt/kiosk"
PYVER = "python3.11"
APP_PARTS = ("app", "kiosk", "hardware", "ui", "backend", "assets")
SCRIPTS = {"kiosk": "app.cli", "kiosk-backend": "backend.cli"}
# Templates, units and scripts: packaging/ as exported from the commit (set in main).
PKG = HERE
SHARED_LIBRARY = re.compile(r"\.so(\.[0-9.]+)?$|\.so\.[0-9]")

# The console scripts. Run by root, `kiosk` becomes the user `kiosk` first, so a root shell never leaves
# root-owned files in /var/lib/kiosk that the kiosk could not open (KIOSK_AS_ROOT=1 to stay root).
SCRIPT = """#!{python}
# {name}: console script of the kiosk package (packaging/build.py).
import os
import sys

os.environ.setdefault("KIOSK_CONFIG", "/etc/kiosk/kiosk.toml")
if os.geteuid() == 0 and os.environ.get("KIOSK_AS_ROOT") != "1" and {drop}:
    import pwd

    try:
        user = pwd.getpwnam("{user}")
    except KeyError:
        user = None
    if user is not None:
        os.setgroups(os.getgrouplist(user.pw_name, user.pw_gid))
        os.setgid(user.pw_gid)
        os.setuid(user.pw_uid)
        os.environ["HOME"] = user.pw_dir
        os.environ["USER"] = os.environ["LOGNAME"] = user.pw_name
from {module} import main

sys.exit(main())
"""


def run(*cmd: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    result = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"build: {' '.join(map(str, cmd))} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result.stdout


def commit_info(rev: str) -> tuple[str, int, str]:
    commit = run("git", "rev-parse", f"{rev}^{{commit}}", cwd=REPO).strip()
    epoch = int(run("git", "log", "-1", "--format=%ct", commit, cwd=REPO).strip())
    pyproject = tomllib.loads(run("git", "show", f"{commit}:pyproject.toml", cwd=REPO))
    stamp = datetime.fromtimestamp(epoch, UTC).strftime("%Y%m%d.%H%M%S")
    version = f"{pyproject['project']['version']}+git{stamp}.{commit[:10]}"
    return commit, epoch, version


def export(commit: str, dest: Path) -> None:
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=REPO, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)


def wheelhouse(lock: Path, dest: Path) -> None:
    """Every locked wheel, fetched (or built, pyscard) once; later builds reuse them."""
    dest.mkdir(parents=True, exist_ok=True)
    wanted = [line.split("==") for line in lock.read_text().splitlines() if "==" in line and not line.startswith("#")]
    have = {p.name.lower().replace("_", "-") for p in dest.glob("*.whl")}

    def present(name: str, version: str) -> bool:
        prefix = f"{name.lower().replace('_', '-')}-{version}-"
        return any(h.startswith(prefix) for h in have)

    if not all(present(n, v) for n, v in wanted):
        run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-r", lock, "-w", dest)


def install_venv(root: Path, wheels: Path, lock: Path) -> Path:
    venv = root / PREFIX.lstrip("/") / "venv"
    run(TARGET_PYTHON, "-m", "venv", "--without-pip", venv)
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    run(
        sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q",
        "--no-index", "--find-links", wheels, "--no-deps", "--no-compile", "--no-warn-script-location",
        "-r", lock, env=env,
    )  # fmt: skip
    return venv


def install_app(src: Path, root: Path, venv: Path) -> None:
    app = root / PREFIX.lstrip("/") / "app"
    app.mkdir(parents=True)
    for part in APP_PARTS:
        shutil.copytree(src / part, app / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    site = venv / "lib" / PYVER / "site-packages"
    (site / "kiosk-app.pth").write_text(f"{PREFIX}/app\n")
    for name, module in SCRIPTS.items():
        user = "kiosk" if name == "kiosk" else "kiosk-backend"
        text = SCRIPT.format(python=f"{PREFIX}/venv/bin/python3", name=name, module=module, user=user, drop="True")
        path = venv / "bin" / name
        path.write_text(text)
        path.chmod(0o755)


def relocate(root: Path, venv: Path) -> None:
    """The venv was made in the staging directory: point it at its final path."""
    staged = str(venv).encode()
    final = f"{PREFIX}/venv".encode()
    for path in (venv / "bin").iterdir():
        if path.is_symlink() or not path.is_file():
            continue
        data = path.read_bytes()
        if staged in data:
            path.write_bytes(data.replace(staged, final))
    # pip's RECORD lists each script's hash as written, with the staging path: list them as shipped.
    for record in (venv / "lib" / PYVER / "site-packages").glob("*.dist-info/RECORD"):
        rows = []
        for row in record.read_text().splitlines():
            path, _, _ = row.partition(",")
            target = (record.parent.parent / path).resolve()
            if target.parent == (venv / "bin").resolve() and target.is_file():
                data = target.read_bytes()
                digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                row = f"{path},sha256={digest},{len(data)}"
            rows.append(row)
        record.write_text("\n".join(rows) + "\n")
    cfg = venv / "pyvenv.cfg"
    cfg.write_bytes(cfg.read_bytes().replace(staged, final))
    # Activation scripts are for people at a shell; the kiosk has none.
    for path in (venv / "bin").glob("activate*"):
        path.unlink()
    (venv / "bin" / "Activate.ps1").unlink(missing_ok=True)


def compile_bytecode(root: Path) -> None:
    """One process (-j 1: the same order every time), unchecked-hash pyc, paths as installed."""
    tree = root / PREFIX.lstrip("/")
    subprocess.run(
        [
            TARGET_PYTHON, "-m", "compileall", "-q", "-f", "-j", "1", "--invalidation-mode", "unchecked-hash",
            "-s", str(root), "-p", "/", "-x", r"/(tests?|testing)/.*_py2\.py$", str(tree),
        ],
        check=False,  # a few wheels ship files for other Python versions; those simply get no pyc
        capture_output=True,
        env={**os.environ, "PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"]},
    )  # fmt: skip


def install_system_files(root: Path, src: Path, *, backend: bool, version: str, commit: str, epoch: int) -> None:
    def put(rel: str, data: bytes | str, mode: int = 0o644) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        path.chmod(mode)

    name = "kiosk-backend" if backend else "kiosk"
    systemd = PKG / "systemd"
    if backend:
        put("lib/systemd/system/kiosk-backend.service", (systemd / "kiosk-backend.service").read_bytes())
        put("etc/default/kiosk-backend", (PKG / "etc" / "default-kiosk-backend").read_bytes())
        (root / "usr/bin").mkdir(parents=True)
        (root / "usr/bin/kiosk-backend").symlink_to(f"{PREFIX}/venv/bin/kiosk-backend")
    else:
        for unit in ("kiosk.service", "kiosk-backup.service", "kiosk-backup.timer"):
            put(f"lib/systemd/system/{unit}", (systemd / unit).read_bytes())
        put("lib/udev/rules.d/70-kiosk.rules", (PKG / "udev" / "70-kiosk.rules").read_bytes())
        put("etc/pam.d/kiosk", (PKG / "etc" / "pam.d-kiosk").read_bytes())
        put("etc/default/kiosk", (PKG / "etc" / "default-kiosk").read_bytes())
        put("etc/kiosk/kiosk.toml", (PKG / "etc" / "kiosk.toml").read_bytes())
        put("etc/kiosk/kiosk.toml.example", (src / "assets" / "demo" / "kiosk.toml").read_bytes())
        put(
            f"{PREFIX.lstrip('/')}/libexec/kiosk-session-stop",
            (PKG / "libexec" / "kiosk-session-stop").read_bytes(),
            0o755,
        )
        (root / "usr/bin").mkdir(parents=True)
        (root / "usr/bin/kiosk").symlink_to(f"{PREFIX}/venv/bin/kiosk")
        for doc in ("docs/DEPLOYING.md", "README.md"):
            if (src / doc).is_file():
                put(f"usr/share/doc/kiosk/{Path(doc).name}", (src / doc).read_bytes())
    put(f"usr/share/doc/{name}/copyright", (PKG / "debian" / "copyright").read_bytes())
    date = datetime.fromtimestamp(epoch, UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    changelog = (PKG / "debian" / "changelog").read_text().replace("kiosk (", f"{name} (", 1)
    changelog = changelog.replace("@VERSION@", version).replace("@COMMIT@", commit).replace("@DATE@", date)
    put(f"usr/share/doc/{name}/changelog.gz", gzip.compress(changelog.encode(), 9, mtime=0))
    put(f"usr/share/lintian/overrides/{name}", (PKG / "debian" / f"{name}.lintian-overrides").read_bytes())


def control_files(root: Path, name: str, version: str) -> None:
    debian = root / "DEBIAN"
    debian.mkdir()
    files = sorted(p for p in root.rglob("*") if (p.is_file() or p.is_symlink()) and "DEBIAN" not in p.parts)
    size = sum(p.lstat().st_size if not p.is_symlink() else 0 for p in files)
    size += 4096 * sum(1 for p in root.rglob("*") if p.is_dir())
    template = (PKG / "debian" / name / "control.in").read_text()
    (debian / "control").write_text(
        template.replace("@VERSION@", version).replace("@INSTALLED_SIZE@", str((size + 1023) // 1024))
    )
    lines = []
    for p in files:
        if p.is_symlink():
            continue
        rel = p.relative_to(root).as_posix()
        if rel.startswith("etc/"):
            continue  # conffiles are not in md5sums
        lines.append(f"{hashlib.md5(p.read_bytes()).hexdigest()}  {rel}\n")  # dpkg's format
    (debian / "md5sums").write_text("".join(lines))
    conffiles = sorted("/" + p.relative_to(root).as_posix() for p in files if p.relative_to(root).parts[0] == "etc")
    if conffiles:
        (debian / "conffiles").write_text("".join(f"{c}\n" for c in conffiles))
    for script in ("preinst", "postinst", "prerm", "postrm"):
        source = PKG / "debian" / name / script
        if source.is_file():
            (debian / script).write_text(source.read_text().replace("@VERSION@", version))
            (debian / script).chmod(0o755)


def normalise(root: Path, epoch: int) -> None:
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            p = Path(dirpath) / d
            if not p.is_symlink():
                p.chmod(0o755)
        for f in filenames:
            p = Path(dirpath) / f
            if p.is_symlink():
                continue
            executable = p.stat().st_mode & 0o111 and not SHARED_LIBRARY.search(f)
            p.chmod(0o755 if executable else 0o644)  # shared libraries are mapped, not run: 0644
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):
        for entry in [*filenames, *dirnames]:
            os.utime(Path(dirpath) / entry, (epoch, epoch), follow_symlinks=False)
    os.utime(root, (epoch, epoch))


def check_no_build_paths(root: Path, *needles: str) -> None:
    found = subprocess.run(
        ["grep", "-rlF", *(f"-e{n}" for n in needles), str(root)], capture_output=True, text=True, check=False
    ).stdout.split()
    if found:
        sys.exit("build: build paths left in the package:\n  " + "\n  ".join(found[:20]))


def build_deb(root: Path, out: Path, epoch: int, compression: str) -> Path:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "LC_ALL": "C.UTF-8", "TZ": "UTC"}
    kind, _, level = compression.partition(":")
    run("dpkg-deb", "--root-owner-group", f"-Z{kind}", f"-z{level or 6}", "--build", root, out, env=env)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="build the kiosk Debian packages from a commit")
    p.add_argument("--commit", default="HEAD")
    p.add_argument("--out", type=Path, default=REPO / "dist")
    p.add_argument("--work", type=Path, default=REPO / "build" / "package")
    p.add_argument("--wheelhouse", type=Path, default=REPO / "build" / "wheelhouse")
    p.add_argument(
        "--compression",
        default="gzip:6",
        help="dpkg-deb compressor:level (default gzip:6, 10 s of CPU; xz:6 is a third smaller and takes "
        "minutes on two cores; lintian 2.116 refuses zstd members)",
    )
    args = p.parse_args(argv)
    os.umask(0o022)
    commit, epoch, version = commit_info(args.commit)
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    work = args.work.resolve()
    if work.exists():
        shutil.rmtree(work)
    src = work / "src"
    export(commit, src)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(src)}
    run(sys.executable, "-m", "ui.translations", "build", cwd=src, env=env)
    global PKG
    PKG = src / "packaging"
    lock = PKG / "runtime.lock"
    wheelhouse(lock, args.wheelhouse.resolve())

    root = work / "kiosk"
    venv = install_venv(root, args.wheelhouse.resolve(), lock)
    install_app(src, root, venv)
    relocate(root, venv)
    install_system_files(root, src, backend=False, version=version, commit=commit, epoch=epoch)
    compile_bytecode(root)
    check_no_build_paths(root, str(work), str(REPO))

    backend = work / "kiosk-backend"
    backend.mkdir()
    install_system_files(backend, src, backend=True, version=version, commit=commit, epoch=epoch)

    args.out.mkdir(parents=True, exist_ok=True)
    built = []
    for name, tree, arch in (("kiosk", root, "amd64"), ("kiosk-backend", backend, "all")):
        control_files(tree, name, version)
        normalise(tree, epoch)
        built.append(build_deb(tree, args.out / f"{name}_{version}_{arch}.deb", epoch, args.compression))
    for deb in built:
        print(f"{deb}  sha256 {hashlib.sha256(deb.read_bytes()).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
