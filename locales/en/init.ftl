# The comments of the starter model `vsm init` writes.
