"""reckon.claims"""
