"""reckon.linkage"""
